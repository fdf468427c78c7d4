namespace CommunityModel.StandardWork;

/// <summary>One piece of a promoter's kit as configured.</summary>
public sealed class PromoterMaterialOptions
{
    /// <summary>The material's id, unique in the kit.</summary>
    public string Id { get; set; } = "";

    /// <summary>What kind of material it is.</summary>
    public MaterialKind Kind { get; set; }

    /// <summary>Its title.</summary>
    public string Title { get; set; } = "";

    /// <summary>The text a promoter uses as it is (the script, the guide, the comparison).</summary>
    public string Text { get; set; } = "";
}
