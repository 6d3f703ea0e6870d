# Questionnaires: PEG, PHQ-9, GAD-7 and the others, their scores over time, and the schedule.

nav-questionnaires = Questionnaires

q-title = Questionnaires
q-lead = Short, well-known questionnaires. Answering one now and then shows how things change over time, for you and, if you choose to share it, for your clinician. A score is a way to notice change, not a diagnosis.
q-last = Last answered { $date }: { $score }
q-never = Not answered yet
q-start = Answer now
q-again = Answer again
q-every = Offered every { $days } days
q-questions = { $count ->
    [one] One question
   *[other] { $count } questions
}
q-save = Save my answers
q-optional = Optional
q-saved = Your answers are saved.
q-your-score = Your score: { $score }
q-flag = This is a score worth talking over with your clinician or GP. You could bring it to your next visit.
q-trend-better = That is a meaningful change for the better since last time ({ $date }: { $score }).
q-trend-worse = That is a meaningful change for the worse since last time ({ $date }: { $score }). Things may have been harder lately; please be kind to yourself, and think about telling someone you trust or your clinician.
q-trend-steady = About the same as last time ({ $date }: { $score }).
q-first = This is your first answer. Next time, you will see how it compares.
q-history = Your answers over time
q-col-date = Date
q-col-score = Score
q-col-band = Reading
q-col-change = Change
q-change-better = Better
q-change-worse = Worse
q-change-steady = About the same
q-schedule = Offer it regularly
q-schedule-lead = Foothold can offer this questionnaire on your home page when it is due. It is never required, and "Not now" is always fine.
q-schedule-every = How often
q-schedule-days = Every { $days } days
q-schedule-save = Offer it
q-schedule-stop = Stop offering it
q-scheduled = Offered every { $days } days.
q-about = About this questionnaire
q-due = A short questionnaire is ready when you are: { $title }.
q-due-answer = Answer now
q-not-now = Not now
q-back = All questionnaires
support-lead-answer = Thank you for answering honestly. Your answers are saved, and only you can see them. If you are thinking about ending your life or hurting yourself, please reach out now: talking to someone can help.
q-chart-desc = Your scores over time on the questionnaire's whole scale. The table below gives each one.
