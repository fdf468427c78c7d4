using CommunityModel.Campaigns;

namespace CommunityModel.Calendar;

/// <summary>One activity of a month's calendar: a play of some kind, for one group, in a window, run by an organiser.</summary>
/// <param name="ActivityId">The activity's id; attendance, leads and sales name it.</param>
/// <param name="GroupId">The organisation group it is for (a class or a squad).</param>
/// <param name="Kind">The play it runs (训练营, 营销课, 社群表单, 秒杀, 快闪群, 拼团).</param>
/// <param name="Organiser">The member who runs it.</param>
/// <param name="Title">Its title.</param>
/// <param name="StartsAt">When it starts.</param>
/// <param name="EndsAt">When it ends; after it starts.</param>
public sealed record PlannedActivity(string ActivityId, string GroupId, PlayKind Kind, MemberId Organiser, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
