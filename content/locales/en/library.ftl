# The skills library and the learning articles.

nav-skills = Skills
nav-learn = Learn
skills-title = Skills
skills-lead = Short exercises from approaches that are known to help people live with pain. Pick one that suits today; a small one counts.
skills-minutes = { $minutes } min
skills-why = Why this helps
skills-done = I did this today
skills-done-hint = It goes into today's check-in as “{ $title }”, so over time you can see whether it goes with better days.
skills-done-saved = Well done. “{ $title }” is in today's check-in.
skills-login = Log in to keep a record of the skills you practise.
skills-family-cognitive = Thinking it through (CBT)
skills-family-behavioural = Doing things that matter
skills-family-pacing = Pacing
skills-family-act-values = Values (ACT)
skills-family-act-defusion = Stepping back from thoughts (ACT)
skills-family-act-commitment = Committed action (ACT)
skills-family-pain-reprocessing = Pain reprocessing
skills-family-relaxation = Breathing and relaxation
skills-family-self-compassion = Self-compassion
skills-back = All skills

timer-title = Timer
timer-start = Start the timer
timer-restart = Start again
timer-pattern = Breathe in for { $in } seconds as the circle grows, and out for { $out } seconds as it shrinks.
timer-pattern-tense = Tighten gently for { $in } seconds as the circle grows, then let go for { $out } seconds as it shrinks.
timer-in = Breathe in
timer-out = Breathe out
timer-tense = Tighten gently
timer-let-go = Let go
# { time } is replaced by the page's script with minutes:seconds.
timer-left = { "{" }time{ "}" } left
timer-done = Time is up. Take a moment before you move on.
timer-stop = Stop
timer-stopped = Stopped. You can start again whenever you like.
timer-total = The bar fills over { $minutes } minutes. Stop whenever you like.

learn-title = Learn
learn-lead = Short articles on pain, helplessness and what helps, in plain language and with their sources.
learn-minutes = { $minutes } min read
learn-back = All articles
skills-write-title = Write it here
skills-write-label = Your words: { $title }
skills-write-hint = Only you can see this. It stays here until you change it; empty it to remove it. Up to { $max } characters.
skills-write-keep = Keep it
skills-write-kept = Kept. Only you can see it.
