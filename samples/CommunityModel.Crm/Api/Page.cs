namespace CommunityModel.Crm.Api;

/// <summary>One page of a list: the items, and the cursor of the next page (null on the last).</summary>
/// <typeparam name="T">The item.</typeparam>
/// <param name="Items">The items, in the list's order.</param>
/// <param name="Next">Pass as <c>cursor</c> for the next page; null when no item follows.</param>
public sealed record Page<T>(T[] Items, string? Next);
