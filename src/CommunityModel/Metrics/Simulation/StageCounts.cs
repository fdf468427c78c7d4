namespace CommunityModel.Metrics.Simulation;

/// <summary>
/// Where everyone who has entered the simulation stands at the end of a month: each person is in exactly one of
/// these. Prospects are resolved in the month they arrive (they become fans or are lost), so none are left over.
/// </summary>
/// <param name="Fans">Fans (粉丝): joined, not yet a paying customer of the entry product.</param>
/// <param name="Customers">Customers (客户).</param>
/// <param name="Members">Members (会员) holding a VIP membership.</param>
/// <param name="Partners">Partners (合伙人) holding a KA membership.</param>
/// <param name="Lost">People who left: prospects who did not become fans, churned fans and customers, lapsed memberships.</param>
public readonly record struct StageCounts(long Fans, long Customers, long Members, long Partners, long Lost)
{
    /// <summary>Everyone still in the community: fans, customers, members and partners.</summary>
    public long Active => checked(Fans + Customers + Members + Partners);

    /// <summary>Everyone who has entered: the active and the lost.</summary>
    public long Total => checked(Active + Lost);
}
