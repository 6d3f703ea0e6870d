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

# Visit preparation and the visit summary (PDF).
visit-title = Prepare for a visit
visit-lead = Write down what you want to ask, and take a one-page summary of how things have been. It is yours to print, send or show.
visit-questions = What I want to ask
visit-question = A question
visit-question-hint = For example: "Could pacing help me get back to gardening?"
visit-add = Add it
visit-remove = Remove
visit-none = No questions yet.
visit-summary = A summary for the visit
visit-summary-lead = Pain and PEG over the days you choose, questionnaire scores, what goes with your better days, kept experiment results and your questions, on one page (two at most).
visit-from = First day
visit-to = Last day
visit-make = Make the summary (PDF)
summary-title = Visit summary: { $handle }
summary-period = Days { $from } to { $to } · made { $made }
summary-pain = Pain and its impact
summary-days = { $count ->
    [one] One day recorded in this period.
   *[other] { $count } days recorded in this period.
}
summary-flares = { $count ->
    [one] One of them was marked as a flare.
   *[other] { $count } of them were marked as flares.
}
summary-pain-change = Pain averaged { $first } in the first two weeks and { $last } in the last two (0 to 10).
summary-peg-change = PEG averaged { $first } in the first two weeks and { $last } in the last two (0 to 10).
summary-chart-legend = Dots: pain each day. Solid line: pain, 7-day average. Dashed line: PEG, 7-day average. Scale 0 to 10.
summary-chart-alt = A chart of pain each day from { $from } to { $to }, with its 7-day average and the 7-day average of PEG, on a scale of 0 to 10.
summary-questionnaires = Questionnaires
summary-col-questionnaire = Questionnaire
summary-col-score = Last score
summary-col-change = Since the one before
summary-change = { $change } (was { $score })
summary-change-first = First in this period
summary-questionnaires-note = A change counts as meaningful at the instrument's published threshold (PHQ-9: 5 points, GAD-7: 4 points, PEG: 30 %). Scores help notice change; they are not a diagnosis.
summary-helps = What goes with better days (from the whole diary)
summary-helps-none = Not enough days yet to say what goes with better days.
summary-helps-line = { $strategy }: { $outcome } about { $points } points better on days with it.
summary-experiments = Personal experiments
summary-experiment = { $a } compared with { $b } ({ $outcome }): a difference of { $estimate } (90 % interval { $low } to { $high }).
summary-experiment-helps = Likely better with { $a }.
summary-experiment-unclear = No clear difference.
summary-goals = Goals, paced week by week
summary-goal = { $activity }: the step is now { $step } (it began at { $first }); done on { $done } of { $days } days in this period.
summary-questions = My questions
summary-questions-none = No questions written down.
summary-truncated = More did not fit on two pages; see Foothold for the rest.
summary-footer = Made with Foothold on { $made }. Patterns from a personal diary show what goes with better days, not what causes them.

# Coaching: notes and suggestions from a clinician; the member decides.
share-coaching = Let them leave notes and suggest a skill or an experiment
share-coaching-hint = Nothing starts without you: you take a suggestion up, change it, or say no.
coaching-title = From your clinicians
coaching-from = From { $who }, { $date }
coaching-skill-line = Suggests a skill: { $skill }
coaching-experiment-line = Suggests an experiment: does { $strategy } go with better days for { $outcome }?
coaching-goal-line = Suggests a goal, paced week by week: { $activity }, in { $unit }.
coaching-accept = Take it up
coaching-decline = No, thank you
coaching-go = Go to it
coaching-declined = You said no, thank you.
coaching-clinician-title = Notes and suggestions
coaching-clinician-lead = The member allowed notes and suggestions. They decide what to take up; nothing starts without them.
coaching-kind = What to leave
coaching-kind-note = A note
coaching-kind-skill = A skill to try
coaching-kind-experiment = An experiment to run
coaching-kind-goal = A goal to build up slowly
coaching-body = Your note, or why you suggest it
coaching-skill = Skill (for a skill)
coaching-strategy = What to test (for an experiment), or the activity (for a goal)
coaching-unit = Measured in (for a goal)
coaching-outcome = On what (for an experiment)
coaching-send = Leave it
coaching-status-open = Waiting for the member
coaching-status-accepted = Taken up
coaching-status-declined = Not taken up

admin-clinicians = Clinicians
admin-clinicians-lead = Members can share a read-only summary only with accounts marked here. Mark an account after checking who the person is, as your organisation does for any professional. Unmarking stops what was shared with them from showing at once.
admin-clinicians-handle = Their handle
admin-clinicians-mark = Mark as a clinician
admin-clinicians-unmark = Unmark
admin-clinicians-none = No account is marked as a clinician.
admin-clinicians-since = marked { $date }
admin-checks = Still to set up on this Foothold
admin-check-crisis = Crisis lines for members' languages ([web.crisis.<lang>] in the configuration). Until then, members are shown a general helpline finder.
admin-check-emergency = The emergency number (web.crisis.<lang>.emergency). Until then, urgent support says "your local emergency number".
admin-check-mail = E-mail (the [mail] section). Until then, there are no e-mail reminders and no "forgot password".
admin-pages = Administration
admin-hacks = Hacks: export and import
admin-hacks-lead = Every hack as one file, to keep or to start another community with; and a file of hacks brought in, in the same format. Nothing is imported unless every hack in the file is fine; a hack already here (same title) is not added twice. Imported hacks are shared under your handle.
admin-hacks-export = Download every hack (JSON)
admin-hacks-import = Import hacks
admin-hacks-file = File of hacks
admin-hacks-file-hint = A JSON list, as the download above or the command “foothold hacks export” writes it.
admin-hacks-not-a-list = That file is not a list of hacks. Nothing was imported.
admin-hacks-imported = { $created } new hacks imported; { $there } were here already.
admin-hacks-problems = Nothing was imported. These hacks need another look:
admin-hacks-problem = Hack { $number } (“{ $title }”):
