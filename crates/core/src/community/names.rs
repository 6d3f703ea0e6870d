//! The closed sets of the community, each with the stable name it is stored and sent under.

use crate::named::named;

named!(
    /// What a group is for.
    GroupKind { Support = "support", Advocacy = "advocacy", Exercise = "exercise" }
);

named!(
    /// Who can read a group and how one joins it.
    Visibility {
        /// Read by anyone signed in; one tap to join.
        Public = "public",
        /// Listed, but threads are read by members only; one tap to join.
        Members = "members",
        /// Listed; threads for members only, and joining waits for a host's approval.
        Private = "private",
    }
);

named!(
    /// A member's part in one group.
    Role { Member = "member", Moderator = "moderator", Host = "host" }
);

named!(
    /// Where a membership stands.
    Standing {
        Active = "active",
        /// Asked to join a private group; a host or moderator decides.
        Pending = "pending",
        /// Removed by a moderator; cannot read, post or join again.
        Banned = "banned",
    }
);

named!(
    /// Validation, not popularity: there is no down-vote and no ranking by reactions.
    Reaction { MeToo = "me_too", ThankYou = "thank_you" }
);

named!(
    /// Why a post was reported. `AtRisk` is also what Foothold files itself when a post reads
    /// like a crisis, so moderators see it first.
    ReportReason {
        AtRisk = "at_risk",
        Harassment = "harassment",
        Spam = "spam",
        Misinformation = "misinformation",
        PersonalDetails = "personal_details",
        Other = "other",
    }
);

named!(
    /// What a moderator can do; every action is written to the group's moderation log.
    ModAction {
        Hide = "hide",
        Unhide = "unhide",
        Lock = "lock",
        Unlock = "unlock",
        /// Closes a report without acting on the post.
        Dismiss = "dismiss",
        Approve = "approve",
        Ban = "ban",
        /// A private note to a member, in their notifications, with the moderator's words.
        Warn = "warn",
        /// Pauses a member's posting in the group for a time; they can still read.
        Suspend = "suspend",
        /// Ends a pause early.
        Unsuspend = "unsuspend",
        /// Takes personal details out of a post; the post then says a moderator edited it.
        Edit = "edit",
        /// Moves a conversation to another group the moderator looks after.
        Move = "move",
    }
);
