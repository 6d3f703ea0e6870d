# "What helps me": the insights page.

nav-insights = What helps me
insights-title = What helps me
insights-lead = Patterns in your own diary: which of the things you do go with better days. They show what goes together, not what causes what — a personal experiment is how to test one.
insights-outcomes = Show patterns for
insights-outcome-pain = Pain
insights-outcome-peg = Pain and its impact (PEG)
insights-outcome-mood = Mood
insights-outcome-sleep = Sleep
insights-too-few-days = Not enough data yet — after { $count ->
    [one] one more check-in
   *[other] { $count } more check-ins
} Foothold can start looking for patterns. Missed days are fine; every check-in counts.
insights-no-strategies = Tag what you do each day in your check-in, and this page will show which of those things go with better days.

insights-helps-title = Goes with better days
insights-worse-title = Goes with harder days
insights-worse-note = This is a pattern, not a judgement — many things that are hard in the moment are still worth doing, and some patterns have other explanations. It may be worth a closer look, perhaps with your clinician.
insights-promising-title = Looking promising
insights-promising-lead = These lean the better way, but it is too soon to say. Keeping your diary a little longer would likely tell — or test one in a short experiment.
insights-promising-item = { $strategy } ({ $when }): about { $points } points better so far. { $count ->
        [one] About one more day
       *[other] About { $count } more days
    } of your diary would likely tell.
insights-unclear-title = No clear difference yet
insights-unclear-lead = For these, days with and without look about the same so far, or the diary cannot tell them apart yet.
insights-wait-title = Not enough data yet
insights-wait-lead = A pattern needs at least 7 days with a strategy and 7 without.
insights-wait-item = { $strategy }: { $more_with } more days with it and { $more_without } more without
insights-wait-with = { $strategy }: { $more_with } more days with it
insights-wait-without = { $strategy }: { $more_without } more days without it

insights-same-day = same day
insights-next-day = next day
insights-lower-same = On days you did “{ $strategy }”, your { $outcome } was about { $points } points lower.
insights-higher-same = On days you did “{ $strategy }”, your { $outcome } was about { $points } points higher.
insights-lower-next = On days after you did “{ $strategy }”, your { $outcome } was about { $points } points lower.
insights-higher-next = On days after you did “{ $strategy }”, your { $outcome } was about { $points } points higher.
insights-likely = How sure: { $percent } % likely that this goes with { $direction } { $outcome }.
insights-better = better
insights-worse = worse
insights-meaningful = Chance the difference is at least 1 point: { $percent } %.
insights-range = Likely range: { $low } to { $high } points.
insights-based-on = Based on { $with } days with it and { $without } other days.
insights-unclear-item = { $strategy } ({ $when }): about { $points } points, range { $low } to { $high }
insights-interval-label = Estimated difference with its likely range, in points. The line in the middle is “no difference”.
insights-spread-label = { $outcome } on days with “{ $strategy }” (upper bars) and without (lower bars), from 0 on the left to 10 on the right.
insights-spread-with = with
insights-spread-without = without

insights-name-pain = pain
insights-name-peg = PEG score
insights-name-mood = mood
insights-name-sleep = sleep

insights-together-title = Things you usually do together
insights-together-item = You usually do “{ $first }” and “{ $second }” together ({ $together } days together, { $apart } apart). The diary cannot tell their effects apart; a personal experiment can.

insights-matter-share = The things you track predict about { $percent } % of the ups and downs in your { $outcome } from day to day (likely between { $low } % and { $high } %), checked on days the model had not seen.
insights-matter-none = Not enough days yet to say how much your actions go with your { $outcome }.
insights-good-days = A good day here is one with { $outcome } better than your usual ({ $median }). You had { $good } good days out of { $days }.
insights-good-days-item = “{ $strategy }”: good days came on { $with } % of days with it and { $without } % of days without.
insights-felt = How much control you felt over your pain: { $mean } out of 10 on average over { $days } days; { $recent } over your last 28 days.
insights-felt-none = You have not rated how much control you felt yet. It is the last question of the check-in.
insights-felt-trend-up = It has been rising, by about { $points } points a month.
insights-felt-trend-down = It has been falling, by about { $points } points a month.
insights-felt-trend-flat = It has stayed about the same.
insights-gap = Your diary shows that what you do goes with how your days go — even on days when it feels as if nothing you do matters. That gap is common when pain has gone on for a long time, and it can change.
insights-footnote = These figures update after each check-in. How they are worked out: a statistical model of your diary that looks at all your strategies together, allows for slow changes and weekdays, and is cautious with little data.
insights-summary-title = In short
insights-top-promising = Nothing is clear yet for your { $outcome }, but “{ $strategy }” leans the better way: { $count ->
        [one] about one more day
       *[other] about { $count } more days
    } of your diary would likely tell.
insights-top-none = Nothing stands out clearly yet for your { $outcome }. That can change as the days add up, and a personal experiment can test one thing directly.
insights-numbers = How sure, and the numbers
insights-good-days-more = Good days, with and without each thing you do
