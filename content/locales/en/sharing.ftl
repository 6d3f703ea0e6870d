# Sharing with a clinician or coach, the access log, and the clinician's pages.

share-title = Share with a clinician
share-lead = You can show a clinician, coach or peer-support worker a read-only summary. You choose what, for which days, and until when. You can stop at any time, and below you see every time they look.
share-what = What to show
share-scope-diary = Diary ratings
share-scope-diary-hint = Pain, PEG, mood, sleep and felt control, day by day. Never your notes.
share-scope-questionnaires = Questionnaire scores
share-scope-questionnaires-hint = Scores with their reading and change, not your single answers.
share-scope-thoughts = Thought records
share-scope-thoughts-hint = The most private part. Only if you want to work on them together.
share-from = First day to show
share-to = Last day to show
share-until = They can see it until
share-make = Make a code
share-code-made = Give this code to your clinician
share-code-once = It works once, for one person, and it is shown only now. Nobody sees anything until they enter it.
share-list = Your shares
share-none = You are not sharing anything.
share-period = Days { $from } to { $to }
share-state-waiting = The code has not been used yet. It works until { $until }.
share-state-with = Shared with { $who } until { $until }.
share-state-left = The person you shared with has left Foothold.
share-state-stopped = Stopped.
share-state-ended = Ended.
share-stop = Stop sharing
share-log = Who looked, and at what
share-log-none = Nobody has looked at anything you shared.
share-log-when = When
share-log-who = Who
share-log-what = What

clinician-title = Shared with you
clinician-lead = Members share a read-only summary with you for a time they choose. Each time you open one, they see that you did.
clinician-code = A member's code
clinician-code-hint = Twelve letters and digits, like ABCD-EFGH-JKMN.
clinician-redeem = Open the share
clinician-members = Members who shared with you
clinician-none = Nobody is sharing with you at the moment.
clinician-until = Until { $until }
clinician-shared-title = Shared by { $member }
clinician-read-only = Read only. The member sees in their access log that you looked.
clinician-days = { $count ->
    [one] One day recorded in this period.
   *[other] { $count } days recorded in this period.
}
clinician-col-day = Day
clinician-col-pain = Pain
clinician-col-peg = PEG
clinician-col-mood = Mood
clinician-col-sleep = Sleep
clinician-col-control = Felt control
clinician-no-questionnaires = No questionnaires answered in this period.
clinician-no-thoughts = No thought records in this period.
clinician-situation = Situation:
clinician-thought = Thought:
clinician-alternative = Another way to see it:
clinician-not-yet = This page is for clinicians, coaches and peer-support workers whose account the people who run this Foothold have checked. If that is you, please ask them.
data-share-lead = Show a clinician or coach a read-only summary, for as long as you choose.
data-share-link = Share with a clinician
