# Onboarding (three short steps, each skippable) and "Your check-in" under the account.

welcome-step = Step { $step } of { $of }
welcome-title = Welcome to Foothold
welcome-lead = Foothold helps you see, with your own diary, which of the things you do go with better days, and try small changes at your own pace.
welcome-checkin = A check-in takes about a minute: a few questions from 0 to 10, and what you did that day. Everything is optional.
welcome-see = After a few weeks, “What helps me” shows what goes with your better days. Until there is enough to go on, it says so honestly.
welcome-yours = Your diary is yours: only you see it, unless you choose to share something.
welcome-next = Next: set up your check-in
welcome-skip = Skip for now

setup-title = Your check-in
setup-time-zone-hint = So that "today" is your today. Start typing your region or city, for example Europe/London.
setup-time-zone-detected = We filled in the time zone your browser reports. Change it if it is not right.
setup-items = What to ask each day
setup-items-hint = Fewer questions make a quicker check-in. You can change this any time under Account.
setup-item-pain = Pain right now
setup-item-peg = The past day: pain, and how much it got in the way (PEG, three questions)
setup-item-mood = Mood
setup-item-sleep = Sleep last night
setup-item-control = How much control you felt over your pain
setup-move-up = Move up
setup-move-up-named = Move "{ $item }" up
setup-strategies = Things you do, or might do, on a day
setup-strategies-hint = Tick the ones you want to see in your check-in. You can add your own there, and change this list later.
setup-next = Next: your first check-in
setup-skip = Skip this step
setup-save = Save
setup-saved = Saved. Your check-in asks this from now on.

checkin-first = your first check-in. Answer what you can; it takes about a minute.
