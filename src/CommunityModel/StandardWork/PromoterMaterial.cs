namespace CommunityModel.StandardWork;

/// <summary>One piece of a promoter's kit.</summary>
/// <param name="Id">The material's id.</param>
/// <param name="Kind">What kind of material it is.</param>
/// <param name="Title">Its title.</param>
/// <param name="Text">The text a promoter uses as it is.</param>
public sealed record PromoterMaterial(string Id, MaterialKind Kind, string Title, string Text);
