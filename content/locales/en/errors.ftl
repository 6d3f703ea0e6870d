# Error messages. Each id is err-<code>, where <code> is the stable code the API returns.

err-page-next = You can go back and try again.
err-page-home = Go to the start page

err-invalid-input = Some of what was entered needs another look.
err-bad-request = Something in that request was not quite right.
err-bad-credentials = That handle and password do not match an account. Please check them and try again.
err-login-required = Please log in to see this.
err-csrf = This form has expired. Please go back, reload the page and try again.
err-not-found = We could not find that page.
err-rate-limited = There have been too many attempts. Please wait a little and try again.
err-too-large = That was more than Foothold can take in one go.
err-method-not-allowed = That action is not possible here.
err-timeout = That took too long. Please try again.
err-unavailable = Foothold cannot reach its database just now. Please try again in a moment.
err-internal = Something went wrong on our side. It is not your fault. Please try again.

err-handle-missing = Please choose a handle.
err-handle-too-short = Your handle needs at least 3 characters.
err-handle-too-long = Your handle can have at most 30 characters.
err-handle-characters = Please use only letters a–z, numbers, dots, dashes and underscores.
err-handle-start = Your handle needs to start with a letter or a number.
err-handle-reserved = That handle is kept for the site itself. Please choose another.
err-handle-taken = Someone already uses that handle. Please choose another.
err-password-too-short = Your password needs at least 10 characters.
err-password-too-long = That password is too long. Please use at most 1,024 bytes.
err-password-is-handle = Your password cannot be the same as your handle.
err-password-one-character = Please use more than one different character.
err-password-wrong = That password is not right.
err-email-invalid = That does not look like an e-mail address. It should look like name@example.org — or leave it empty.
err-email-too-long = That e-mail address is too long.
err-role-unknown = Roles are member, moderator or admin.
err-locale-unknown = That language is not available yet.
err-token-name-missing = Please give the token a name.
err-token-name-too-long = Please use at most 60 characters.
err-token-limit = You have 20 tokens already. Please revoke one you no longer use.
