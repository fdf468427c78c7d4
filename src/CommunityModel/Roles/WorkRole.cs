namespace CommunityModel.Roles;

/// <summary>
/// The three roles of the work pipeline (获客 — 培训 — 管理, seed 002): a team splits the contact with a customer into
/// recruiting, training and managing, each done by the member who holds the role.
/// </summary>
public enum WorkRole
{
    /// <summary>A promoter (推广员): recommends one to one with the promoter's kit and brings prospects into the shared training group.</summary>
    Promoter = 0,

    /// <summary>A trainer (培训师): runs the sessions of the shared training group that convert prospects.</summary>
    Trainer = 1,

    /// <summary>A manager (管理员): runs the team, passes on the company's policies and activities, looks after key customers.</summary>
    Manager = 2,
}
