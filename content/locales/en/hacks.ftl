# Pain hacks: sharing what helps, trying it, and what members' own diaries showed (issue 18).

nav-hacks = Hacks
hacks-title = Pain hacks
hacks-lead = Practical things other members do for their pain. Try one, and your own check-ins will show whether it goes with better days for you. If you like, you can then share what your diary showed — anonymously — so the next person knows more.
hacks-trying = Hacks you are trying
hacks-filter-tag = Show hacks for
hacks-filter-all = Any pain
hacks-sort = Order
hacks-sort-fit = What fits my pains first
hacks-sort-newest = Newest first
hacks-sort-evidence = Most pain relief in shared results first
hacks-filter-show = Show
hacks-my-tags = What hurts? (orders the list)
hacks-my-tags-hint = Only you see these. Hacks for your pains come first; nothing else changes.
hacks-my-tags-save = Save
hacks-done-tags = Saved. Hacks that fit your pains now come first.
hacks-none = No hacks here yet. You could share the first one.
hacks-more = More hacks

hack-share = Share a hack
hack-share-lead = Something that makes a hard day a little easier? Say what you do, so that someone else could try it. Hacks are ideas, not medical advice.
hack-share-send = Share it
hack-field-title = A short name
hack-field-title-hint = Up to 60 characters, for example “Heat pad before bed”. Members who try it see this name in their check-in.
hack-field-cost = What does it cost?
hack-field-effort = How much effort is it?
hack-field-minutes = How many minutes does it take?
hack-field-minutes-hint = A number from 1 to { $max }.
hack-tags-conditions = Which pains is it for? (optional)
hack-tags-areas = Where in the body? (optional)

hack-cost-free = Free
hack-cost-low = Costs a little
hack-cost-some = Costs something
hack-effort-low = Little effort
hack-effort-medium = Some effort
hack-effort-high = Takes effort
hack-minutes = { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}
hack-for = For:
hack-not-advice = This is what helped another member, not medical advice. Please do not start, stop or change a medicine because of a hack: talk with your clinician first.

hack-tag-back_pain = Back pain
hack-tag-neck_pain = Neck pain
hack-tag-migraine = Migraine and headache
hack-tag-fibromyalgia = Fibromyalgia
hack-tag-arthritis = Arthritis
hack-tag-nerve_pain = Nerve pain
hack-tag-crps = CRPS
hack-tag-endometriosis = Endometriosis
hack-tag-ibs = IBS and belly pain
hack-tag-hypermobility = Hypermobility
hack-tag-head = Head
hack-tag-shoulders = Shoulders
hack-tag-back = Back
hack-tag-arms_hands = Arms and hands
hack-tag-hips = Hips
hack-tag-legs_knees = Legs and knees
hack-tag-feet = Feet
hack-tag-belly = Belly
hack-tag-whole_body = Whole body

hack-tried-by = { $count ->
    [0] Nobody has tried it through Foothold yet.
    [one] Tried by 1 member.
   *[other] Tried by { $count } members.
}
hack-evidence-title = What members' own diaries showed
hack-evidence-none = Results appear here once at least { $count } members have shared theirs, so that no result can ever be traced to one person.
hack-evidence-pain = { $helped } of { $members } members who shared had less pain on days they did it.
hack-evidence-peg = { $helped } of { $members } members who shared had less pain and less impact (PEG) on days they did it.
hack-evidence-mood = { $helped } of { $members } members who shared had a better mood on days they did it.
hack-evidence-sleep = { $helped } of { $members } members who shared slept better on days they did it.
hack-evidence-typical = Typical difference in { $outcome }: { $points } points (95 % range { $low } to { $high }).
hack-evidence-differ = Members differ a lot here: it may help some people and not others.
hack-evidence-caveat = These come from members' own check-ins, not from a trial: on days they did it, things went this way — which does not prove the hack caused it. Your own diary, or a personal experiment, tells you about you.

hack-mine = Try it yourself
hack-try = I'll try it
hack-try-hint = “{ $title }” goes into your daily check-in. Tick it on the days you do it; after about three weeks, your own diary can start to show whether it goes with better days for you.
hack-done-trying = It is in your check-in now. Tick it on the days you do it.
hack-done-shared = Thank you. Your result is shared anonymously; you can withdraw it at any time.
hack-done-withdrawn = Your result is withdrawn and no longer counted anywhere.
hack-mine-since = You started trying “{ $title }” on { $day }.
hack-mine-since-short = since { $day }
hack-mine-too-soon = { $days ->
    [one] In 1 more day you can see what your diary shows and choose whether to share it.
   *[other] In { $days } more days you can see what your diary shows and choose whether to share it.
}
hack-mine-not-in-diary = It is no longer in your check-in (it was deleted or merged). Choose “I'll try it” again to bring it back.
hack-mine-not-enough = Your diary needs a few more days with it and a few without before it can say anything. Keep ticking it on the days you do it.
hack-mine-helps = Your { $outcome } was about { $points } points better on days you did it.
hack-mine-worse = Your { $outcome } was about { $points } points worse on days you did it.
hack-mine-unclear = No clear difference in your { $outcome } yet.
hack-mine-share-hint = Only this — the difference, its range and whether it looked helpful — is shared, without your name. Nothing else from your diary leaves it.
hack-mine-share = Share my result anonymously
hack-mine-update = Share my newest result instead
hack-mine-shared = Your result is shared anonymously.
hack-mine-withdraw = Withdraw my result
hack-mine-experiment = Want to be surer? Test it in a personal experiment.
hack-discussion = Discussion
hack-discussion-link = { $count ->
    [0] Ask a question or say how it went
    [one] 1 reply — join the discussion
   *[other] { $count } replies — join the discussion
}
hack-ask = You have been trying “{ $title }” for three weeks. Would you like to see what your diary shows, and perhaps share it anonymously to help others? We will not ask again.
hack-ask-look = Show me
hack-ask-no = No, thank you
thread-is-hack = This is the discussion of a hack: see what it needs and what members found.
hack-experiments-title = From personal experiments — the stronger evidence
hack-experiments-none = Members who test it in a personal experiment (it against doing without it, on days drawn by lot) can share that result too. It appears here once at least { $count } have.
hack-experiments-pain = { $helped } of { $members } members' own experiments found less pain with it.
hack-experiments-peg = { $helped } of { $members } members' own experiments found less pain and less impact (PEG) with it.
hack-experiments-mood = { $helped } of { $members } members' own experiments found a better mood with it.
hack-experiments-sleep = { $helped } of { $members } members' own experiments found better sleep with it.
hack-mine-experiment-helps = Your personal experiment: your { $outcome } was about { $points } points better with it.
hack-mine-experiment-unclear = Your personal experiment: no clear difference in your { $outcome }.
