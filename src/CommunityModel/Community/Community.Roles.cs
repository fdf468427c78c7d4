using CommunityModel.Roles;

namespace CommunityModel;

// The work pipeline joined into the community (获客 — 培训 — 管理): members hold work roles, and each customer's care team
// (who recruited, who trained, who manages) is kept in the customer's stream, so the customer's orders carry it as roles;
// the organiser of an activity (组织活动) is kept per activity, so the sales within its play carry the organiser as a role.
public sealed partial class Community
{
    private bool Grant(Draft draft, GrantWorkRole command)
    {
        var member = Require(command.Member, "Member");
        var role = RequireRole(command.Role);
        if (member.Holds(role))
        {
            return true; // granted already
        }

        RequireActive(member, "Member");
        draft.Emit(new WorkRoleGranted(member.Id, role, _time.GetUtcNow()));
        return false;
    }

    private bool Revoke(Draft draft, RevokeWorkRole command)
    {
        var member = Require(command.Member, "Member");
        var role = RequireRole(command.Role);
        var reason = MemberStream.Required(command.Reason, "Reason");
        if (!member.Holds(role))
        {
            throw new CommunityException(ErrorCodes.RolesNotHeld, $"Member {member.Id} does not hold the {role} role.", "Role");
        }

        var cared = _members.Values.Where(m => m.CareOf(role) == member.Id).Select(m => m.Id).Order().ToList();
        if (cared.Count > 0)
        {
            throw new CommunityException(
                ErrorCodes.RolesHolderInCare,
                $"Member {member.Id} is the {role} of {cared.Count} customer(s) ({string.Join(", ", cared.Take(10))}{(cared.Count > 10 ? ", …" : "")}); assign them another {role} first.",
                "Member");
        }

        draft.Emit(new WorkRoleRevoked(member.Id, role, reason, _time.GetUtcNow()));
        return false;
    }

    private bool Assign(Draft draft, AssignCare command)
    {
        var customer = Require(command.Customer, "Customer");
        var holder = Require(command.Holder, "Holder");
        var role = RequireRole(command.Role);
        if (holder.Id == customer.Id)
        {
            throw new CommunityException(ErrorCodes.RolesSelfCare, $"Member {customer.Id} cannot be their own {role}.", "Holder");
        }

        if (!holder.Holds(role))
        {
            throw new CommunityException(ErrorCodes.RolesNotHeld, $"Member {holder.Id} does not hold the {role} role; grant it first.", "Holder");
        }

        RequireActive(holder, "Holder");
        if (customer.CareOf(role) == holder.Id)
        {
            return true; // assigned already
        }

        draft.Emit(new CareAssigned(customer.Id, role, holder.Id, _time.GetUtcNow()));
        return false;
    }

    private bool Organise(Draft draft, OrganiseActivity command)
    {
        var organiser = Require(command.Organiser, "Organiser");
        var activity = MemberStream.Required(command.Activity, "Activity");
        if (_organisers.TryGetValue(activity, out var current) && current.Organiser == organiser.Id)
        {
            return true; // organised by this member already
        }

        if (organiser.IsHeld)
        {
            throw new CommunityException(ErrorCodes.CommunityMemberHeld, $"Member {organiser.Id} is {organiser.Stage}; a held member organises no activity.", "Organiser");
        }

        draft.Emit(new ActivityOrganised(organiser.Id, activity, _time.GetUtcNow()));
        return false;
    }

    /// <summary>Who organises an activity now (<see cref="OrganiseActivity"/>): the member its later sales carry as <see cref="OrderRoles.Organiser"/>.</summary>
    /// <param name="activity">The activity's id (the id of the play its sales are made within).</param>
    /// <returns>The organiser, or <see langword="null"/> when nobody organises it.</returns>
    public MemberId? OrganiserOf(string activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            return _organisers.TryGetValue(activity, out var organised) ? organised.Organiser : null;
        }
    }

    // The roles of an order as the streams stood before it: the buyer's care team, and the organiser of the activity whose
    // play the sale was made within.
    private CommunityOrder WithRoles(CommunityOrder order)
    {
        if (_members.TryGetValue(order.Member, out var buyer))
        {
            order = order with { Roles = OrderRoles.Of(buyer) };
        }

        return WithOrganiser(order);
    }

    // The organiser of the activity whose play a sale was made within joins the sale's roles (not when the organiser is the
    // buyer: nobody earns a share of their own purchase). The buyer's stream knows only the care team; the organiser is the
    // community's to add, before the commissions see the order and when the order is applied alike.
    private CommunityOrder WithOrganiser(CommunityOrder order) =>
        order.Play is { } play && _organisers.TryGetValue(play, out var organised) && organised.Organiser != order.Member
            ? order with { Roles = order.Roles.SetItem(OrderRoles.Organiser, organised.Organiser) }
            : order;

    private static WorkRole RequireRole(WorkRole role) =>
        Enum.IsDefined(role)
            ? role
            : throw new CommunityException(ErrorCodes.RolesInvalidCommand, $"{(int)role} is not a work role; the roles are {string.Join(", ", Enum.GetNames<WorkRole>())}.", "Role");

    private static void RequireActive(CommunityMember member, string field)
    {
        if (member.IsHeld)
        {
            throw new CommunityException(ErrorCodes.CommunityMemberHeld, $"Member {member.Id} is {member.Stage}; a held member takes no role.", field);
        }
    }
}
