//! Who may do what in a group: one table, asked by every page and API route, and tested as
//! a whole matrix (`tests.rs`) so that no route can grow its own idea of the rules.

use super::{Role, Standing, Visibility};

/// What the person asking is to one group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Anonymous,
    /// Signed in, not a member.
    Outsider,
    Pending,
    Banned,
    /// A member whose posting a moderator paused for a time: reads, reports and leaves, but
    /// does not post.
    Suspended,
    Member,
    Moderator,
    Host,
    /// A site moderator or administrator: moderates every group.
    Staff,
}

impl Relation {
    /// The relation from a membership row (or none), whether the member is staff, and whether
    /// their posting in the group is paused now.
    pub fn of(
        signed_in: bool,
        staff: bool,
        membership: Option<(Role, Standing)>,
        suspended: bool,
    ) -> Relation {
        match (signed_in, staff, membership) {
            (false, _, _) => Relation::Anonymous,
            (true, true, _) => Relation::Staff,
            (true, false, Some((_, Standing::Active))) if suspended => Relation::Suspended,
            (true, false, None) => Relation::Outsider,
            (true, false, Some((_, Standing::Pending))) => Relation::Pending,
            (true, false, Some((_, Standing::Banned))) => Relation::Banned,
            (true, false, Some((Role::Member, Standing::Active))) => Relation::Member,
            (true, false, Some((Role::Moderator, Standing::Active))) => Relation::Moderator,
            (true, false, Some((Role::Host, Standing::Active))) => Relation::Host,
        }
    }

    fn belongs(self) -> bool {
        matches!(self, Relation::Member | Relation::Moderator | Relation::Host | Relation::Staff)
    }

    /// Reads the group as a member does (a paused member still belongs).
    fn reads_as_member(self) -> bool {
        self.belongs() || self == Relation::Suspended
    }

    fn moderates(self) -> bool {
        matches!(self, Relation::Moderator | Relation::Host | Relation::Staff)
    }
}

/// Something one can do in a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// See the group's name, description and rules (the directory and its front page).
    See,
    /// Read its threads, replies and moderation log.
    Read,
    Join,
    Leave,
    /// Start a thread, reply, react.
    Post,
    Report,
    /// The report queue; hide, lock, approve and ban.
    Moderate,
    /// Name moderators; say what the group is about (its topics).
    ManageRoles,
}

impl Action {
    pub const ALL: [Action; 8] = [
        Action::See,
        Action::Read,
        Action::Join,
        Action::Leave,
        Action::Post,
        Action::Report,
        Action::Moderate,
        Action::ManageRoles,
    ];
}

/// Whether `who` may take `action` in a group of `visibility`.
pub fn allowed(who: Relation, visibility: Visibility, action: Action) -> bool {
    use Relation as R;
    let reads = match visibility {
        Visibility::Public => !matches!(who, R::Anonymous | R::Banned),
        Visibility::Members | Visibility::Private => who.reads_as_member(),
    };
    match action {
        Action::See => who != R::Anonymous && who != R::Banned,
        Action::Read | Action::Report => reads,
        Action::Join => who == R::Outsider,
        // A host hands the group over before leaving, so no group is left without one.
        Action::Leave => matches!(who, R::Member | R::Moderator | R::Pending | R::Suspended),
        Action::Post => who.belongs(),
        Action::Moderate => who.moderates(),
        Action::ManageRoles => matches!(who, R::Host | R::Staff),
    }
}
