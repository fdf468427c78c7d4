using System.Collections.Immutable;

namespace CommunityModel.Roles;

/// <summary>
/// The role names a <see cref="CommunityOrder"/> carries (<see cref="CommunityOrder.Roles"/>) and how they are derived
/// from the buyer: one entry per place of the buyer's care team, and <see cref="Organiser"/> for a sale within a play whose
/// activity a member organises (<see cref="OrganiseActivity"/>).
/// </summary>
public static class OrderRoles
{
    /// <summary>The role name of the promoter who recruited the buyer (推广员): <c>promoter</c>.</summary>
    public const string Promoter = "promoter";

    /// <summary>The role name of the trainer who trained the buyer (培训师): <c>trainer</c>.</summary>
    public const string Trainer = "trainer";

    /// <summary>The role name of the manager who manages the buyer (管理员): <c>manager</c>.</summary>
    public const string Manager = "manager";

    /// <summary>
    /// The role name of the member who organises the activity a sale was made within (组织活动, 分配收益): <c>organiser</c>.
    /// Set on a sale within a play whose id names an activity with an organiser (<see cref="OrganiseActivity"/>), unless the
    /// organiser is the buyer.
    /// </summary>
    public const string Organiser = "organiser";

    /// <summary>No roles.</summary>
    public static ImmutableDictionary<string, MemberId> None { get; } = ImmutableDictionary<string, MemberId>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>The role name of a place in a care team.</summary>
    /// <param name="role">The place.</param>
    /// <returns>Its name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not a <see cref="WorkRole"/>.</exception>
    public static string NameOf(WorkRole role) => role switch
    {
        WorkRole.Promoter => Promoter,
        WorkRole.Trainer => Trainer,
        WorkRole.Manager => Manager,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a work role."),
    };

    /// <summary>
    /// A sale with the organiser of the activity it was made within as <see cref="Organiser"/>: the same order when nobody
    /// organises it or when the organiser is the buyer (nobody earns a share of their own purchase).
    /// </summary>
    /// <param name="order">The order, with the buyer's care team.</param>
    /// <param name="organiser">Who organises the activity whose play the order was sold within, as the community knew before the order; <see langword="null"/> for nobody.</param>
    /// <returns>The order with its organiser.</returns>
    public static CommunityOrder WithOrganiser(CommunityOrder order, MemberId? organiser)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Play is not null && organiser is { } holder && holder != order.Member
            ? order with { Roles = order.Roles.SetItem(Organiser, holder) }
            : order;
    }

    /// <summary>The roles a member's orders carry: the member's care team by role name.</summary>
    /// <param name="buyer">The buyer as the community knows them before the order.</param>
    /// <returns>The roles; <see cref="None"/> for a buyer without a care team.</returns>
    public static ImmutableDictionary<string, MemberId> Of(CommunityMember buyer)
    {
        ArgumentNullException.ThrowIfNull(buyer);
        if (buyer.CareTeam.IsDefaultOrEmpty)
        {
            return None;
        }

        var roles = None.ToBuilder();
        foreach (var care in buyer.CareTeam)
        {
            roles[NameOf(care.Role)] = care.Holder;
        }

        return roles.ToImmutable();
    }
}
