# Reminders, the e-mail address, and password reset.
reminders-title = Reminders
reminders-lead = A gentle nudge at a time you choose, in your own time zone. Only when there is something to do: if today's check-in is in, no check-in reminder comes. Reminders never say anything about your health.
reminders-no-mail = This Foothold does not send e-mail yet, so reminders cannot reach you. Whoever runs it can turn e-mail on.
reminders-address = Where reminders go
reminders-address-confirmed = Reminders go to { $address }.
reminders-address-unconfirmed = { $address } is not confirmed yet: open the link we sent there. Until then, nothing is sent to it.
reminders-address-none = No e-mail address yet.
reminders-address-field = E-mail address
reminders-address-hint = Only used for reminders and to reset a forgotten password. Never shown to anyone.
reminders-address-save = Save the address
reminders-send-again = Send the link again
reminders-which = Which reminders, when
reminders-which-hint = Times are in your time zone ({ $zone }); daylight saving is taken care of.
reminders-kind-checkin = Daily check-in
reminders-kind-experiment = Today's part of an experiment
reminders-kind-questionnaire = A questionnaire that is due
reminders-kind-goal = Today's step of a goal
reminders-on = Remind me
reminders-at = At
reminders-quiet = Quiet hours (optional)
reminders-quiet-hint = Nothing is sent between these times; a reminder set inside them comes when they end.
reminders-quiet-from = From
reminders-quiet-until = Until
reminders-save = Save reminders
reminders-done-saved = Your reminders are saved.
reminders-done-sent = We sent a link to confirm the address. It works for two days.
reminders-done-address = Your address is saved.
reminders-off-ask = Turn off reminders for: { $what }?
reminders-off-do = Turn them off
reminders-off-done = Done: those reminders are off.
reminders-snooze-ask = Remind you again in an hour about: { $what }?
reminders-snooze-do = Remind me in an hour
reminders-snooze-done = We will remind you in an hour.
reminders-change = Change your reminders
reminder-subject-checkin = Your check-in for today
reminder-subject-experiment = Today in your experiment
reminder-subject-questionnaire = A questionnaire is ready
reminder-subject-goal = Today's step
reminder-line-checkin = when you have a minute, your check-in for today is waiting.
reminder-line-experiment = your experiment has a part for today.
reminder-line-questionnaire = a short questionnaire you asked for is ready.
reminder-line-goal = today's step of your goal is waiting, at your own pace.
reminder-mail-body = Hello,

    A gentle reminder: { $line }

    { $link }

    Not today? That is fine: missing days are normal.

    Remind me in an hour: { $snooze }
    Change when reminders come: { $settings }
    Turn this reminder off: { $off }

    Foothold
email-confirm-subject = Confirm your e-mail address
email-confirm-body = Hello,

    Please open this link to confirm that reminders may come to this address:

    { $link }

    If you did not ask for this, you can ignore this message.

    Foothold
email-confirmed-title = Address confirmed
email-confirmed = Thank you. Reminders can come to this address now.
email-link-old-title = This link no longer works
email-link-old = It may have been used already, or it is too old. You can ask for a new one.
forgot-title = Forgot your password?
forgot-lead = If your account has a confirmed e-mail address, we can send a link to set a new password. Without one, whoever runs this Foothold can help.
forgot-send = Send the link
forgot-sent = If that address belongs to an account, a link is on its way. It works for an hour.
email-reset-subject = Set a new password
email-reset-body = Hello,

    Someone asked to set a new password for your Foothold account. If it was you, open this link within an hour:

    { $link }

    If it was not you, ignore this message: your password stays as it is.

    Foothold
reset-title = Set a new password
reset-new = New password
reset-hint = At least 10 characters. A few words you will remember work well.
reset-save = Save the new password
reset-done-title = Your new password is saved
reset-done = Every device that was logged in has been logged out. Log in again with the new password.
reminders-kind-session = A group session later that day
reminder-subject-session = A group session today
reminder-line-session = you are down for a group session later today. Come as you are; joining part of it is fine too.
reminder-push-checkin = When you have a minute: your check-in for today.
reminder-push-experiment = Your experiment has a part for today.
reminder-push-questionnaire = A short questionnaire you asked for is ready.
reminder-push-goal = Today's step of your goal, at your own pace.
reminder-push-session = You are down for a group session later today.
reminders-kind-digest = What is new in your groups and messages (once a day, only when there is something)
reminder-subject-digest = New for you in your groups
reminder-line-digest = { $count ->
    [one] one new thing is waiting for you in your groups and messages.
   *[other] { $count } new things are waiting for you in your groups and messages.
} This e-mail does not carry them, so they stay private.
reminders-push = Notifications on this phone
reminders-push-lead = Reminders can also come as notifications on this phone or computer, without e-mail. Your browser carries them; it cannot read them, and they say nothing about your health.
reminders-push-on = Turn on notifications here
reminders-push-off = Turn off notifications here
reminders-push-needs-js = Notifications need JavaScript and a browser that supports them.
reminders-push-done-on = Notifications are on for this browser.
reminders-push-done-off = Notifications are off for this browser.
reminders-push-denied = Notifications are blocked for this site in your browser's settings.
