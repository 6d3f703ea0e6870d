# The daily check-in.

checkin-page-title = Check-in
checkin-title = Check-in: { $day }
checkin-today = Today
checkin-yesterday = Yesterday
checkin-days = Other days
checkin-previous-day = Day before
checkin-next-day = Day after
checkin-pick-day = Another day
checkin-go = Open
checkin-all-optional = Everything here is optional. Answer what you can; skip the rest.
checkin-skip = Skip
checkin-saved = Saved. Thank you for checking in.
checkin-conflict = This day was saved somewhere else (another tab or device?) since you opened it. Both versions are here: the other one just below, yours in the form. Choose which to keep.
checkin-elsewhere = The version saved elsewhere
checkin-elsewhere-choose = Saving the form below keeps yours and replaces this one.
checkin-elsewhere-keep = Keep this one instead
checkin-offline-now = You are offline. You can still check in: it is kept on this phone and sent when you are back online.
checkin-offline-kept = Kept on this phone. It will be sent as soon as you are back online.
checkin-offline-sent = Your check-in made offline has been saved.
checkin-for-handle = Only you ({ $handle }) can see your check-ins.
checkin-save = Save check-in

checkin-pain = Pain right now
checkin-pain-hint = 0 = no pain, 10 = pain as bad as you can imagine.
checkin-peg = The past day (PEG)
checkin-peg-pain = Your average pain
checkin-peg-pain-hint = 0 = no pain, 10 = pain as bad as you can imagine.
checkin-peg-enjoyment = How much pain got in the way of enjoying life
checkin-peg-enjoyment-hint = 0 = not at all, 10 = completely.
checkin-peg-activity = How much pain got in the way of your general activity
checkin-peg-activity-hint = 0 = not at all, 10 = completely.
checkin-mood = Mood
checkin-mood-hint = 0 = very low, 10 = very good.
checkin-sleep = Sleep last night
checkin-sleep-hint = 0 = very poor, 10 = very good.
checkin-control = How much control did you feel over your pain today?
checkin-control-hint = 0 = none at all, 10 = a great deal.

checkin-strategies = What you did today
checkin-strategies-hint = Tap everything that applies. Your most used come first.
checkin-new-strategy = Something else? Add your own
checkin-note = Note
checkin-note-hint = Anything you want to remember about today. Up to { $max } characters; only you can see it.

strategy-walk = Walk
strategy-stretching = Stretching
strategy-physio-exercises = Physiotherapy exercises
strategy-group-exercise = Group exercise
strategy-heat = Heat
strategy-cold = Cold
strategy-medication-as-prescribed = Medication as prescribed
strategy-extra-medication = Extra medication
strategy-meditation = Meditation or breathing
strategy-pacing-break = Pacing break
strategy-sleep-routine = Good sleep routine
strategy-friends-family = Time with friends or family
strategy-called-a-friend = Called a friend
strategy-support-group = Support group

data-title = Your diary data
data-export = Export
data-export-lead = Your diary belongs to you. Download all of it, any time.
data-export-csv = Download as CSV (for spreadsheets and other apps)
data-export-json = Download as JSON
data-export-thoughts = Your thought records and predictions (JSON)
data-export-experiments = Your experiments with their plans and results (JSON)
data-export-all = Everything, in one file (ZIP of JSON and CSV)
data-export-fhir = Your ratings and questionnaires as FHIR R4, the format health records use (JSON)
data-import = Import
data-import-lead = Bring in a diary kept elsewhere, in Foothold's CSV format. Days in the file replace the same days here; other days stay as they are. Nothing is imported unless every row is fine.
data-import-file = CSV file
data-import-file-hint = Columns: date, pain, peg_pain, peg_enjoyment, peg_activity, mood, sleep, control, strategies, note. Empty cells are fine.
data-import-check = Check the file first
data-import-submit = Import
data-import-no-file = Please choose a file.
data-import-problems = Nothing was imported. { $count } thing(s) in the file need another look:
data-line = Line
data-column = Column
data-problem = What to change
data-import-preview = The file looks fine: { $rows } rows — { $created } new days, { $updated } changed, { $unchanged } unchanged, { $strategies } new activities. Nothing has been imported yet; choose the file again and press Import.
data-import-done = Imported { $rows } rows: { $created } new days, { $updated } changed, { $unchanged } unchanged, { $strategies } new activities.
data-import-new-strategies = New activities:

history-title = Your history
history-ranges = Time span
history-range = { $days } days
history-empty = No check-ins in this time yet — that is fine. Whenever you like:
history-chart-title = Pain and PEG over the last { $days } days
history-chart-desc = A line chart on a 0 to 10 scale. Gaps are days without a rating. The same numbers are in the table below.
history-key-pain = Pain right now
history-key-peg = PEG score
history-key-mood = Mood
history-key-sleep = Sleep
history-key-control = Felt control
history-key-marker = Days with “{ $strategy }”
history-chart-wellbeing = Mood, sleep and felt control over the last { $days } days
history-mark = Mark the days with
history-mark-none = Nothing
history-mark-show = Show
history-count = { $count ->
    [one] 1 check-in
   *[other] { $count } check-ins
} in the last { $days } days. Missed days are fine.
history-table = Your days, newest first
history-col-day = Day
history-col-pain = Pain
history-col-mood = Mood
history-col-sleep = Sleep
history-col-control = Control
history-col-strategies = What you did

strategies-title = Your activities
strategies-lead = The things you can tag in your check-in. Rename, archive or merge them here; the days you tagged always stay in your diary.
strategies-manage = Manage your list
strategies-active = In your check-in
strategies-archived = Archived
strategies-col-name = Activity
strategies-col-uses = Days tagged
strategies-col-since = Listed since
strategies-back = All activities
strategies-facts = Tagged on { $uses } days; in your list since { $since }.
strategies-rename = Rename
strategies-new-name = New name
strategies-renamed = Renamed.
strategies-archive = Archive
strategies-archive-hint = It leaves your check-in form. The days you tagged stay in your diary and in what helps you.
strategies-archived-done = Archived. It no longer appears in your check-in.
strategies-restore = Put back in the check-in
strategies-restore-hint = It appears in your check-in form again.
strategies-restored = It is back in your check-in.
strategies-merge = Merge
strategies-merge-hint = If “{ $name }” is the same as another activity, merge it: every day tagged with it is tagged with the other instead, and “{ $name }” leaves your list.
strategies-merge-into = Merge into
strategies-delete = Delete
strategies-delete-hint = You have not tagged this on any day yet, so deleting it changes nothing in your diary.
strategies-deleted = The activity was deleted.
strategies-merged = Merged. Every day from both is kept here.

calendar-title = { $month } { $year }
calendar-back = Charts and table
calendar-link = Calendar
calendar-months = Months
calendar-previous = Previous month
calendar-next = Next month
calendar-count = { $count ->
    [one] 1 check-in
   *[other] { $count } check-ins
} this month. Missed days are fine.
calendar-caption = Each day links to its check-in; the number is the pain rating.
calendar-pain = pain { $pain }
calendar-checked = checked in
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
weekday-0 = Monday
weekday-1 = Tuesday
weekday-2 = Wednesday
weekday-3 = Thursday
weekday-4 = Friday
weekday-5 = Saturday
weekday-6 = Sunday
weekday-short-0 = Mon
weekday-short-1 = Tue
weekday-short-2 = Wed
weekday-short-3 = Thu
weekday-short-4 = Fri
weekday-short-5 = Sat
weekday-short-6 = Sun
