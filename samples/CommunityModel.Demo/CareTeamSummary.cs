namespace CommunityModel.Demo;

/// <summary>The work pipeline (获客 — 培训 — 管理) at the end of the run.</summary>
/// <param name="Customers">Members with a full care team: the promoter who recruited them, the trainer, the manager.</param>
/// <param name="Orders">Orders that carried a care team as their roles.</param>
/// <param name="Revenue">What those orders paid.</param>
public sealed record CareTeamSummary(int Customers, int Orders, Money Revenue);
