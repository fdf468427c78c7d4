namespace CommunityModel.Metrics;

/// <summary>
/// One pond's funnel (鱼塘): its members, those who came to its activities, those who took the bait, and those who bought
/// beyond it — 引鱼入塘, 施肥, 钓鱼.
/// </summary>
/// <param name="Pond">The pond.</param>
/// <param name="Attendees">Distinct members who attended an activity from the pond.</param>
/// <param name="Participation">Attendees ÷ members.</param>
/// <param name="BaitBuyers">Attendees who bought the bait product; zero for a pond without bait.</param>
/// <param name="Converted">Attendees who bought anything other than the bait (a course, a membership).</param>
/// <param name="BaitRate">Bait buyers ÷ attendees; zero with no attendees.</param>
/// <param name="Conversion">Converted ÷ attendees; zero with no attendees.</param>
/// <param name="Revenue">What the pond's attendees paid beyond the bait, gross of refunds.</param>
public sealed record PondLine(LeadGroup Pond, long Attendees, Rate Participation, long BaitBuyers, long Converted, Rate BaitRate, Rate Conversion, Money Revenue);
