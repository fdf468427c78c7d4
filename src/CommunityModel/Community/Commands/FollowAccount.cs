namespace CommunityModel;

/// <summary>A prospect followed the business's account (关注公众号, a live-stream channel): the value chain moves them to Fan; a member already further along stays where they are.</summary>
/// <param name="Member">The member.</param>
/// <param name="Account">The account followed.</param>
public sealed record FollowAccount(MemberId Member, string Account) : CommunityCommand;
