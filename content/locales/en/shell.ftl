# The frame of every page, the home page and the help page.

meta-description = Foothold helps people who live with chronic pain see what helps them, test it, and connect with others.
skip-to-content = Skip to main content
nav-label = Main
nav-account = Your account
nav-checkin = Check-in
nav-history = History
nav-logout = Log out ({ $handle })
nav-login = Log in
nav-register = Create an account
nav-help-now = Need help now?
footer-not-medical = Foothold is not a medical service and does not give medical advice. It helps you notice, test and talk — and work with your clinicians.
save = Save

home-page-title = Welcome
home-title = Small steps you can see
home-lead = Living with pain can teach us that nothing we do makes a difference. Foothold helps you find out, with your own days, what does.
home-pillar-notice = A daily check-in that takes under a minute — missed days are fine.
home-pillar-see = See which of your own actions go with better days, with honest uncertainty.
home-pillar-test = Test a strategy in a small personal experiment.
home-pillar-connect = Skills that are known to help, and a way to talk with your clinicians about what you found.
home-start = Create your account
home-have-account = I already have an account
home-hello = Hello, { $handle }
home-new = New here?
home-new-start = Set up your check-in in two short steps.
home-see-insights = See the details
home-first-days = Your first check-in starts your diary. Even a few taps count, and missed days are fine.
home-days-so-far = { $days ->
    [one] One day is in your diary.
   *[other] { $days } days are in your diary.
} After { $more ->
    [one] one more check-in
   *[other] { $more } more check-ins
}, “What helps me” can start looking for what goes with your better days.
home-days-diary = { $days } days are in your diary. Each check-in makes the picture clearer.
home-next-title = A next small step
home-next-goal = Choose one thing to build up slowly, at your own pace
home-next-skill = Try a skill for a few minutes
home-next-group = Meet people who understand, in a group
home-checkin = Check in for today
home-checkin-change = Change today's check-in
home-checked-in = Today's check-in is saved. Thank you — you can change it any time today.
home-deleted = Your account and everything in it has been deleted. Take care of yourself.

help-title = Need help now?
help-lead = If you are thinking about ending your life, or you are not safe right now, you deserve support straight away. You do not have to go through this alone.
help-emergency = If you are in immediate danger, call your local emergency number now.
help-call = Call:
help-emergency-call = If you are in immediate danger, call:
help-text = Text:
help-unconfigured = This Foothold has not yet listed crisis lines for your country. You can find a free, confidential helpline near you here:
help-lines = Who you can contact
help-not-alone = Pain can make everything feel heavier. Reaching out is a strong thing to do.

role-member = Member
role-moderator = Moderator
role-admin = Administrator

locale-browser = Same as my browser
locale-en = English

support-title = You don't have to face this alone
support-lead = What you wrote sounds really hard. It is saved, and only you can see it. If you are thinking about ending your life or hurting yourself, please reach out now — talking to someone can help.
support-lead-group = What you wrote sounds really hard. Your post is in the group, and its moderators have been asked to look in. If you are thinking about ending your life or hurting yourself, please reach out now — talking to someone can help.
support-more = More ways to get help
support-reminder = Support is one tap away whenever you need it:
acute-title = Please get help now
acute-call = If you have taken too much of a medicine or hurt yourself, call this number now:
acute-call-generic = If you have taken too much of a medicine or hurt yourself, call your local emergency number now.
acute-emergency-name = Emergency services
acute-overdose = An overdose can harm you even if you feel fine now. Please do not wait for symptoms.
acute-poison = Poison information:
acute-lead = What you wrote is saved, and only you can see it. You matter, and help can reach you quickly.
support-lead-held = What you wrote sounds really hard. The group's moderators have been asked to read your post first, and to look in. If you are thinking about ending your life or hurting yourself, please reach out now — talking to someone can help.
acute-lead-held = The group's moderators have been asked to read your post first, and to look in. You matter, and help can reach you quickly.
acute-lead-group = Your post is in the group, and its moderators have been asked to look in. You matter, and help can reach you quickly.

privacy-title = Your data and privacy
privacy-lead = What you write in Foothold is about your health. Here is, in plain words, what is kept, who can see it, and how you can take it with you or delete it.
privacy-kept-title = What is kept
privacy-kept = Your handle, your password in a form that cannot be read back, your e-mail address if you gave one, and what you enter: check-ins and notes, your activities, personal experiments, thought records and predictions, and the skills you mark as done. It is kept in this Foothold's own database, on the server of the people who run it.
privacy-who-title = Who can see it
privacy-who = Only you. Nobody else using Foothold can see your diary, notes or records, and pages never load anything from other websites: no advertising, no tracking, no analytics. The people who run this server look after the database it lives in, as anyone who runs a service must; Foothold gives them no page to read members' entries.
privacy-not-kept-title = What is not kept
privacy-not-kept = Foothold's logs record that a page was visited, not what you wrote: no notes, ratings or e-mail addresses. Nothing you write is sent anywhere else to be analysed; everything Foothold works out, it works out on this server.
privacy-crisis-title = If what you write sounds like a crisis
privacy-crisis = Foothold reads what you write so that it can show you help at once if you might be in danger. This happens on this server, your words are saved exactly as you wrote them, and no record is kept that the help was shown. Nobody else is told.
privacy-export-title = Taking your data with you
privacy-export = You can download your whole diary as a spreadsheet file (CSV) or as JSON, and your thought records and experiments, at any time: your account page links to “Your diary data”, where the downloads are.
privacy-delete-title = Deleting your account
privacy-delete = Deleting your account on the account page deletes it and everything in it from the database at once. Copies in backups made by the people who run this server disappear as those backups are replaced.
support-lead-message = What you wrote sounds really hard. Your message went to one member only, and nobody else was told. If you are thinking about ending your life or hurting yourself, please reach out now — talking to someone can help.
acute-lead-message = Your message went to one member only, and nobody else was told. You matter, and help can reach you quickly.
