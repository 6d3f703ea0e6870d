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
home-member-intro = This is your space. A short check-in each day — even a few taps — builds a picture of what goes with your better days.
home-checkin = Check in for today
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
support-more = More ways to get help
support-reminder = Support is one tap away whenever you need it:
acute-title = Please get help now
acute-call = If you have taken too much of a medicine or hurt yourself, call this number now:
acute-call-generic = If you have taken too much of a medicine or hurt yourself, call your local emergency number now.
acute-emergency-name = Emergency services
acute-overdose = An overdose can harm you even if you feel fine now. Please do not wait for symptoms.
acute-poison = Poison information:
acute-lead = What you wrote is saved, and only you can see it. You matter, and help can reach you quickly.
