namespace CommunityModel.Simulation;

/// <summary>
/// One person in a simulation, with a random stream of their own: each month they draw one number per decision,
/// always all of them in the same order, and both sides read the same numbers. So a bought lead decides the same way
/// in the community and in the traditional funnel, whatever else happens on either side.
/// </summary>
internal sealed class SimulatedPerson(MemberId id, MemberId sponsor, bool bought, int seed)
{
    private readonly Random _random = new(seed);
    private readonly double[] _draws = new double[Enum.GetValues<Decision>().Length];

    /// <summary>The decisions a person draws for each month.</summary>
    public enum Decision
    {
        TakeLeadProduct,
        BuyEntryCourse,
        BuyHighTicketCourse,
        Leave,
        BuyMembership,
        Upgrade,
        Renew,
        Refer,
        RefundLeadProduct,
        RefundEntryCourse,
        RefundHighTicketCourse,
        RefundMembership,
    }

    public MemberId Id { get; } = id;

    /// <summary>Who referred the person; empty for a bought lead.</summary>
    public MemberId Sponsor { get; } = sponsor;

    /// <summary>Whether the person came from bought traffic (both sides) rather than a referral (community side only).</summary>
    public bool Bought { get; } = bought;

    /// <summary>Draws this month's numbers.</summary>
    public void DrawMonth()
    {
        for (var i = 0; i < _draws.Length; i++)
        {
            _draws[i] = _random.NextDouble();
        }
    }

    /// <summary>Whether this month's draw for the decision falls under the rate.</summary>
    public bool Takes(Decision decision, Rate rate) => (decimal)_draws[(int)decision] < rate.Fraction;
}
