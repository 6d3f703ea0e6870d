# Registration, login and the account page.

form-error-summary = There is a problem

field-handle = Handle
field-handle-hint = The name others will see. 3 to 30 letters, numbers, dots, dashes or underscores. Please do not use your real name.
field-password = Password
field-new-password-hint = At least 10 characters. A few words you will remember work well.
field-current-password = Current password
field-new-password = New password
field-email-optional = E-mail address (optional)
field-email-hint = Only used to help you get back into your account. Never shown to anyone.
field-locale = Language

register-title = Create your account
register-lead = Your diary is private: only you can see it, unless you choose to share it.
register-submit = Create account
register-have-account = Already have an account? Log in

login-title = Log in
login-submit = Log in
login-no-account = New here? Create an account

account-title = Your account
account-you = About you
account-role = Role
account-since = Member since
account-language = Language
account-time-zone = Time zone
field-time-zone = Your time zone
field-time-zone-hint = Decides when your day starts and ends. Write it like Europe/Berlin, America/Chicago or Asia/Tokyo.
account-password = Change your password
account-password-submit = Change password
account-password-changed = Your password has been changed. Other devices have been logged out.
account-tokens = API tokens
account-tokens-lead = Tokens let your own scripts and apps read your data through the Foothold API. Treat them like passwords.
account-token-created = Here is your new token. Copy it now: it will not be shown again.
token-name = Name
token-name-hint = What is this token for? For example "export script".
token-created = Created
token-last-used = Last used
token-actions = Actions
token-never = Never
token-revoke = Revoke
token-revoke-named = Revoke token { $name }
token-create = Create token
account-data = Your data
account-data-link = Export your diary, or import one
account-delete = Delete your account
account-delete-lead = This deletes your account and everything in it — diary, notes and settings — for good. It cannot be undone. You may want to export your data first.
account-delete-hint = Type your password to confirm.
account-delete-submit = Delete my account and all my data
