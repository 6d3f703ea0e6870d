# Goals and pacing, and the wins wall.
nav-goals = Goals
goals-title = Goals
goals-lead = A small, concrete goal, done a little more each week: doing it, and seeing it, is how confidence comes back. The plan follows the calendar, not the pain, so a bad day does not undo it.
goals-new = Set a goal
goals-none = No goals yet. Start with something small you already do, like a few minutes of walking.
goals-ended = Earlier goals
goal-new-title = Set a goal
goal-new-lead = Pick one activity you can measure. First you record a few ordinary days; then Foothold plans a first step a little below that, and a small rise each week.
goal-suggestions = Ideas from the skills library
goal-suggest-walk = Walk
goal-suggest-stand = Stand
goal-suggest-stretch = Stretch
goal-suggest-read = Read
goal-suggest-outside = Go out of the house
goal-activity = Activity
goal-activity-hint = For example: walk, stand at the counter, read, garden.
goal-unit = Measured in
goal-unit-name-minutes = minutes
goal-unit-name-pages = pages
goal-unit-name-times = times
goal-unit-name-repetitions = repetitions
goal-unit-name-metres = metres
goal-unit-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
goal-unit-pages = { $count ->
    [one] { $count } page
   *[other] { $count } pages
}
goal-unit-times = { $count ->
    [one] once
   *[other] { $count } times
}
goal-unit-repetitions = { $count ->
    [one] { $count } repetition
   *[other] { $count } repetitions
}
goal-unit-metres = { $count } m
goal-pace = Pace (optional)
goal-start-percent = First step, as a share of your baseline (%)
goal-start-percent-hint = 80 % is usual: start below what you can do, so the first weeks feel easy.
goal-rise-percent = Rise each week (%)
goal-rise-percent-hint = Between 5 and 20 %. Slow and steady gets further than a boom and a bust.
goal-ceiling = Where to stop rising (optional)
goal-ceiling-hint = The amount you are aiming for. Leave empty to keep rising slowly.
goal-flare-plan = My flare plan
goal-flare-plan-hint = What helps in a flare, written while you feel able to: rest in short breaks, heat, a breathing exercise, who to tell. You will see it when you pause the plan.
goal-create = Set the goal
goal-status-baseline = Recording a baseline: a few ordinary days first.
goal-status-week = Week { $week } of the plan. Today's step: { $step }.
goal-status-paused = Paused for a flare. The step stays at { $step } until you resume.
goal-status-ended = Ended on { $day }.
goal-today-done = Today's step is done.
goal-did-step = I did today's step: { $step }
goal-record = Record a day
goal-record-day = Day
goal-record-amount = How many { $unit }?
goal-record-amount-hint = What you really did, more or less. Leave it empty to take the day back.
goal-record-save = Save the day
goal-reached-note = You reached this goal. The plan holds here; keep going at this level for as long as it helps.
goal-baseline = Baseline
goal-baseline-lead = Record { $days } or more ordinary days: how much you did, stopping before it flares. Good days and bad days both belong here.
goal-baseline-more = { $left ->
    [one] One more day, and Foothold can plan your first step.
   *[other] { $left } more days, and Foothold can plan your first step.
}
goal-baseline-ready = Your baseline is about { $baseline } a day. The first step is { $step }, rising { $rise } % each week.
goal-start = Start the plan
goal-col-day = Day
goal-col-done = Done
goal-col-week = Week from
goal-col-step = Step
goal-col-days-done = Step done
goal-col-paused = (paused)
goal-days-done = { $days ->
    [one] { $done } of 1 day
   *[other] { $done } of { $days } days
}
goal-plan = The plan
goal-plan-lead = The step rises { $rise } % each week, whatever the pain did. Stopping at the step on a good day is part of pacing too.
goal-plan-caption = Each week's step and the days it was done
goal-chart-desc = The line is the planned step for each day; each dot is a day you recorded, filled when the step was done.
goal-chart-caption = Line: the planned step. Filled dots: step done. Open dots: a day with less.
goal-flare = In a flare
goal-flare-lead = A flare is part of living with pain, not a failure. Pausing holds the step where it is, and the weeks of the plan wait for you.
goal-pause = Pause for a flare
goal-paused-lead = The plan is paused. Look after yourself; the step will be here when you are ready.
goal-resume-how = When you resume
goal-resume-same = Carry on at the same step
goal-resume-back = Go back one week, to ease in
goal-resume = Resume the plan
goal-end-ask = Finished with this goal?
goal-end-lead = Ending it keeps everything you recorded, and your wins. The check-in stops asking about it.
goal-end = End this goal
checkin-goals = Your goals today
checkin-goal-step = { $activity }: I did today's step ({ $step })
checkin-goal-baseline = { $activity }: how many { $unit } today?
checkin-goal-see = See the goal
wins-title = Your wins
wins-lead = Your own evidence that what you do makes a difference. Every line here is something you did.
wins-none = Nothing here yet, and that is fine. Wins collect as you take steps, test predictions and finish experiments.
wins-predict = Make a prediction
wins-steps = { $count ->
    [one] One step done
   *[other] { $count } steps done
}
wins-steps-of = { $count ->
    [one] one day at the step
   *[other] { $count } days at the step
}
wins-reached = Goals reached
wins-better = Better than feared
wins-feared = You expected: “{ $expected }”
wins-happened = What happened: “{ $happened }”
wins-experiments = Experiments carried through to the end
strategy-goal-name = { $name } (goal)
