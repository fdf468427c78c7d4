namespace CommunityModel.Campaigns.GroupBuys;

/// <summary>
/// A group completed (成团): every participant's payment became a community order carrying the play's id, and the leader
/// rebate was entered in the commission ledger. A simulated completion (模拟成团) is recorded as such, with the places it lacked.
/// </summary>
/// <param name="PlayId">The play's id.</param>
/// <param name="GroupId">The group.</param>
/// <param name="Participants">The participants, all of whom bought.</param>
/// <param name="Simulated">Whether the group was short of its target and completed by simulation at expiry.</param>
/// <param name="Missing">The places short of the target; zero unless simulated.</param>
/// <param name="Revenue">What the participants paid in all: the orders placed.</param>
/// <param name="LeaderRebate">The leader rebate entered; zero for none.</param>
/// <param name="OccurredAt">When.</param>
public sealed record GroupBuyCompleted(string PlayId, string GroupId, int Participants, bool Simulated, int Missing, Money Revenue, Money LeaderRebate, DateTimeOffset OccurredAt) : IPlayEvent;
