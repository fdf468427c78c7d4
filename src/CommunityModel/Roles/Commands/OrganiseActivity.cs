namespace CommunityModel.Roles;

/// <summary>
/// Names the member who organises an activity (组织活动): from then on every sale within the campaign play of that id (the
/// play's id is the activity's id, as the calendar's plan names it) carries the organiser as
/// <see cref="OrderRoles.Organiser"/>, so a commission plan role mapped from it pays the organiser a share of the sale
/// (分配收益). Naming the member who organises it already is a repeat; naming another hands the activity over for later sales.
/// </summary>
/// <param name="Organiser">The member who organises it; registered and not held.</param>
/// <param name="Activity">The activity's id: the id of the play its sales are made within.</param>
public sealed record OrganiseActivity(MemberId Organiser, string Activity) : CommunityCommand;
