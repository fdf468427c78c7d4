using CommunityModel.Roles;

namespace CommunityModel;

// The work pipeline joined into the community (获客 — 培训 — 管理): members hold work roles, and each customer's care team
// (who recruited, who trained, who manages) is kept in the customer's stream, so the customer's orders carry it as roles;
// the organiser of an activity (组织活动) is kept per activity, so the sales within its play carry the organiser as a role.
public sealed partial class Community
{
    private bool Grant(Draft draft, GrantWorkRole command) => Emit(draft, _stream.Decide(StateOf(Require(command.Member, "Member").Id), command));

    private bool Revoke(Draft draft, RevokeWorkRole command)
    {
        var member = Require(command.Member, "Member");
        var role = MemberStream.RequireRole(command.Role);
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

    private bool Assign(Draft draft, AssignCare command) =>
        Emit(draft, _stream.Decide(StateOf(Require(command.Customer, "Customer").Id), command, Require(command.Holder, "Holder")));

    private bool Organise(Draft draft, OrganiseActivity command)
    {
        var organiser = Require(command.Organiser, "Organiser");
        var current = command.Activity is { } activity && _organisers.TryGetValue(activity.Trim(), out var organised) ? organised.Organiser : (MemberId?)null;
        return Emit(draft, _stream.Decide(StateOf(organiser.Id), command, current));
    }

    // A decision of one member's stream that asks nothing of the others.
    private static bool Emit(Draft draft, MemberDecision decision)
    {
        if (decision.IsRepeat)
        {
            return true;
        }

        draft.Emit(decision.Events);
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
        OrderRoles.WithOrganiser(order, order.Play is { } play && _organisers.TryGetValue(play, out var organised) ? organised.Organiser : null);
}
