# Community: groups, threads, reactions, reports and moderation (issue 17).

nav-groups = Groups
groups-title = Groups
groups-lead = Groups are places to talk with other people who live with pain: to feel less alone, to speak up together, or to move together. Use a pseudonym if you like — only your handle is shown.
groups-mine = Your groups
groups-kind-support = Support groups
groups-kind-advocacy = Awareness and advocacy
groups-kind-exercise = Exercise groups
groups-none = There are no groups yet. You could start the first one.
group-start = Start a group
group-create = Create the group
group-field-name = Name of the group
group-field-kind = What is it for?
group-field-visibility = Who can read it?
group-field-about = What the group is about (optional)
group-field-rules = The group's rules (optional)
rules-hint-text = Members accept these when they join. Short and kind works best, for example: "Be gentle. No medical advice. What is said here stays here."
about-hint-text = You can use Markdown: **bold**, _italic_, lists and links.
group-kind-support = Support
group-kind-advocacy = Awareness and advocacy
group-kind-exercise = Exercise
group-visibility-public = Public
group-visibility-public-hint = anyone signed in can read; one tap to join
group-visibility-members = Members only
group-visibility-members-hint = listed, but only members read the threads
group-visibility-private = Private
group-visibility-private-hint = only members read; a host approves each person who asks to join
group-members = { $count ->
    [one] 1 member
   *[other] { $count } members
}
group-pending = waiting for approval
group-pending-notice = You asked to join. A host or moderator will look at it soon.
group-rules = The group's rules
group-accept-rules = I have read the rules and will keep to them
group-join = Join the group
group-ask-to-join = Ask to join
group-leave = Leave this group
group-members-only = Only members can read this group's threads.
group-tools = Group tools
group-threads = Conversations
group-no-threads = Nothing here yet. You could start the first conversation.
group-older = Older conversations
group-done-joined = Welcome — you are now a member.
group-done-asked = Thank you. A host will look at your request.
group-done-left = You have left the group.
group-role-member = member
group-role-moderator = moderator
group-role-host = host
group-standing-active = active
group-standing-pending = asks to join
group-standing-banned = removed
former-member = a former member

thread-start = Start a conversation
thread-field-title = Title
thread-post = Post it
thread-posts = { $count ->
    [one] 1 post
   *[other] { $count } posts
}
thread-locked = closed for replies
thread-locked-notice = A moderator has closed this conversation for new replies.
thread-more = More replies
thread-reply = Reply
thread-reply-send = Send reply
thread-join-to-reply = Join the group to reply.
thread-done-reported = Thank you for telling us. A moderator will look at it; the person who wrote it is not told who reported it.
post-field-body = Your message
body-hint-text = You can use Markdown: **bold**, _italic_, > to quote, - for lists. Pictures are not shown.
post-content-warning = Fold this post behind a content warning (readers open it if they want to)
post-folded = This post may be hard to read. Open it
post-preview = Preview
post-quote = Quote
post-report = Report
post-hidden-by-moderator = hidden by a moderator
post-edited = edited
post-moderator-edited = A moderator edited this post to take out personal details.
post-edit = Edit
post-history = Earlier versions
post-block = Block

held-title = Your post is with the moderators
held-lead = Thank you for writing it. In this community, posts like yours are read by the group's moderators first, so that the person who wrote them gets support.
held-next = It will appear in the group once one of them has read it, and your notifications will tell you. You have done nothing wrong.
held-back = Back to { $group }
edit-title = Edit your post
edit-title-moderator = Edit as a moderator
edit-lead = Change what you wrote. The post will say it was edited; the group's moderators can read what it said before.
edit-lead-moderator = Take out personal details (a full name, an address, a phone number) and leave the rest as the member wrote it. The post will say a moderator edited it, and the log will show it without names.
edit-back = Back to the conversation
edit-reason = What you took out, in general words (optional)
edit-reason-hint = For the public moderation log, e.g. "a phone number". Please leave out the details themselves.
edit-save = Save the change
thread-done-edited = Your change is saved.

post-history-title = Earlier versions of this post
post-history-lead = Only the group's moderators see this page.
post-history-now = As it reads now
post-history-before = Before the edit of
post-history-by-moderator = edited by a moderator
post-history-none = This post has not been edited.

block-title = Block { $handle }?
block-lead = You will stop seeing each other's conversations and posts, and neither of you will hear of the other's replies or mentions. They are not told. Moderators still see everything in the groups they look after. You can undo this at any time.
block-confirm = Block
unblock-title = Unblock { $handle }?
unblock-lead = You will see each other's posts again.
unblock-confirm = Unblock
blocked-title = Members you blocked
blocked-lead = You do not see their posts, and they do not see yours.
blocked-none = You have not blocked anyone.
blocked-since = since
blocked-done-blocked = Done. You will not see each other's posts.
blocked-done-unblocked = Done. You will see each other's posts again.
reaction-me_too = Me too
reaction-thank_you = Thank you

report-title = Report a post
report-lead = Reports go to the group's moderators. The person who wrote the post is not told who reported it.
report-reason = What is wrong?
report-reason-at_risk = Someone may be at risk of harming themselves
report-reason-harassment = Harassment or unkindness
report-reason-spam = Spam or advertising
report-reason-misinformation = Harmful medical misinformation
report-reason-personal_details = It shares someone's personal details
report-reason-other = Something else
report-note = Anything moderators should know (optional)
report-send = Send the report
report-at-risk-hint = If someone is in danger right now, please contact emergency services.
report-automatic = noticed by Foothold

modqueue-title = Moderation
modqueue-lead = Reports about someone who may be at risk come first. Hiding a post keeps it for moderators and takes it off the page for everyone else; every action is written in the group's public log, without names.
modqueue-reports = Open reports
modqueue-empty = No open reports.
sitequeue-title = Reports in every group
sitequeue-lead = Open reports from all groups, someone at risk first. Each action is logged in its group's public log, as if taken from the group's own queue.
modqueue-people = Hosts, moderators and requests
mod-action-hide = Hide post
mod-action-unhide = Show post again
mod-show-held = Show it in the group
report-held = Held for you to read first: nobody else has seen it yet. Showing it publishes it, and tells whoever follows the conversation.
mod-action-lock = Close thread
mod-action-unlock = Reopen thread
mod-action-dismiss = No action needed
mod-action-approve = Approve
mod-action-ban = Remove from group
mod-action-warn = Send a private note
mod-action-suspend = Pause their posting
mod-action-unsuspend = End the pause
mod-note-to = A note to { $handle }
mod-paused-until = posting paused until { $until }
mod-note-words = Your words to them (they see these, nobody else does)
mod-pause-days = Or pause their posting here. For how long?
mod-pause-words = Your words to them about the pause (optional; only they see these)
mod-pause-day = { $count ->
    [one] 1 day
   *[other] { $count } days
}

modlog-title = Moderation log
modlog-lead = What moderators did in this group, and why. Names are left out.
modlog-empty = Nothing has needed a moderator here yet.
modlog-thread = (the conversation)
modlog-hide = A post or conversation was hidden
modlog-unhide = A post or conversation was shown again
modlog-lock = A conversation was closed for replies
modlog-unlock = A conversation was reopened
modlog-dismiss = A report was closed without action
modlog-approve = A request to join was approved
modlog-ban = Someone was removed from the group
modlog-warn = A member was sent a private note
modlog-suspend = A member's posting was paused for a while
modlog-unsuspend = A pause in posting was ended
modlog-edit = A moderator took personal details out of a post
modlog-move = A conversation was moved between groups

search-title = Search the groups
search-label = Search conversations in your groups and public groups
search-button = Search
search-count = { $count ->
    [0] Nothing found. Try fewer or other words.
    [one] 1 post found.
   *[other] { $count } posts found.
}

nav-notifications = Notifications
nav-notifications-unread = Notifications ({ $count } new)
notifications-title = Notifications
notifications-none = Nothing new. When someone replies to a conversation you started, mentions or quotes you, or lets you into a group, it shows here.
notifications-mark-read = Mark all as read
notification-new = new
notification-reply = { $who } replied in "{ $title }"
notification-mention = { $who } mentioned you in "{ $title }"
notification-approved = You can now take part in { $group }
notification-warning = The moderators of { $group } sent you a note:
notification-suspended = The moderators of { $group } paused your posting there until { $until }. You can still read the group and leave it.
notification-message = { $who } wrote to you
notification-shown = Your post in "{ $title }" is now shown in { $group }.
notification-thread = { $who } started "{ $title }" in { $group }
thread-follow = Follow this conversation
thread-follow-hint = You will hear of every reply.
thread-following = You hear of every reply. Press again to stop.
group-follow = Follow this group
group-follow-hint = You will hear of every new conversation here.
group-following = You hear of every new conversation here. Press again to stop.
thread-yours = You started this conversation, so you hear of every reply.

## Direct messages
messages-title = Messages
groups-messages = Your messages
groups-filter = Show groups about
groups-filter-all = Any topic
groups-filter-show = Show
groups-filter-clear = Show all groups
groups-about = { $count ->
    [one] One group about { $topic }.
   *[other] { $count } groups about { $topic }.
}
groups-none-about = No group is about this yet. You could start one.
groups-near = About what you live with
group-about-topics = About:
group-topics-change = Change the topics
group-topics-title = What the group is about
group-topics-hint = Choose up to { $max } topics, so that people looking for a group like this one find it.
group-topics-save = Save the topics
group-done-topics = The topics are saved.
messages-lead = Private conversations with one other member. Both of you need to allow messages; either of you can block the other at any time, and you can report a message that hurts.
messages-to-label = Write to
messages-to-hint = Their name, as it shows beside their posts.
messages-to-open = Open the conversation
messages-conversations = Your conversations
messages-none = No conversations yet. When you and another member write to each other, it shows here.
messages-unread = { $count } new
messages-settings-title = Who can write to you
messages-open-label = Let other members send me messages
messages-open-hint = Off until you turn it on. You need it on to write to others too, so that they can answer.
messages-settings-save = Save
messages-settings-saved = Saved.
messages-barred-note = The site's moderators have turned your messages off after a report. Your groups are not affected. If you think this is a mistake, please write to the people who run this Foothold.
conversation-title = You and { $handle }
conversation-empty = Nothing here yet. Say hello — a few kind words are plenty.
message-you = You
message-field-body = Your message
message-field-hint = Plain text. Only { $handle } reads it.
message-send = Send
message-report = Report
message-reported = Thank you. The site's moderators will read the message you reported; { $handle } is not told who reported it.
message-block = Block { $handle }
message-report-title = Report a message
message-report-lead = Reports of messages go to the site's moderators, who read only the message you report. The person who wrote it is not told who reported it.
sitequeue-messages = Reported messages
sitequeue-messages-lead = Only the reported message is shown; the rest of the conversation stays private.
sitequeue-message-from = From { $handle }
sitequeue-message-bar = Turn off messages from { $handle }
thread-move = Move this conversation
thread-move-to = To the group
thread-move-send = Move it
thread-done-moved = Moved. This conversation now belongs to this group, and both groups' logs say so.

## Profiles
profile-edit-title = Your profile
profile-edit-lead = A few words for others, if you like. Each part is shown only to whom you choose, and nothing is shown until you do. Your name is the only thing everyone sees.
profile-mine-lead = This is your profile; each part says who sees it.
profile-change = Change it
profile-saved = Saved. This is how your profile looks now.
profile-nothing = { $handle } has not shared anything here.
profile-since = Member since
profile-about = About
profile-about-label = A few words about you
profile-about-hint = Plain text, at most { $max } characters. Please leave out anything that could identify you, such as your full name or town.
profile-living-with = Living with
profile-living-with-label = What you live with, in your own words
profile-living-with-hint = For example "back pain since 2019". At most { $max } characters.
profile-groups = Groups
profile-groups-none = None that you can see.
profile-who-sees = Who sees this?
profile-to-everyone = Anyone signed in
profile-to-members = Members who share a group with me
profile-to-nobody = Only me
profile-seen-everyone = seen by anyone signed in
profile-seen-members = seen by members who share a group with you
profile-seen-nobody = seen only by you
profile-save = Save my profile
profile-write = Write to { $handle }

## Pinned resources (advocacy groups)
resources-title = Resources
resources-none = No resources yet.
resources-list-lead = Links and documents the hosts of { $group } keep here for its members.
resources-add = Add a resource
resources-edit = Change this resource
resources-lead = A link, a letter template, what to say at a hearing: something members of this group will want to find again. Markdown works; links are allowed here.
resources-updated = Last changed
resources-save = Save the resource
resources-remove = Remove it
resources-up = Move up
resources-up-label = Move “{ $title }” up the list
