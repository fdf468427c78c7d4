using CommunityModel.StandardWork;

namespace CommunityModel.Tests.StandardWork;

public class PromoterKitTests
{
    private static PromoterMaterialOptions Material(string id, MaterialKind kind, string text = "text") => new() { Id = id, Kind = kind, Title = id, Text = text };

    [Fact]
    public void A_kit_serves_its_materials_by_id_and_by_kind_in_the_order_configured()
    {
        var kit = new PromoterKit([
            Material("intro", MaterialKind.PlatformIntroduction, "平台功能介绍……"),
            Material("qa-price", MaterialKind.Script, "客户问价格时：先讲价值，再讲价格。"),
            Material("qa-refund", MaterialKind.Script, "七天无理由退款。"),
        ]);

        Assert.Equal("七天无理由退款。", kit["qa-refund"].Text);
        Assert.Equal(["qa-price", "qa-refund"], kit.OfKind(MaterialKind.Script).Select(m => m.Id));
        Assert.Empty(kit.OfKind(MaterialKind.AppGuide));
    }

    [Fact]
    public void Every_problem_of_the_materials_is_named_when_the_kit_is_built()
    {
        var error = Assert.Throws<StandardWorkException>(() => new PromoterKit([
            Material("intro", MaterialKind.PlatformIntroduction),
            Material("intro", MaterialKind.Comparison),
            Material("", MaterialKind.Script),
            Material("guide", (MaterialKind)42),
        ]));

        Assert.Equal(ErrorCodes.StandardWorkInvalidOptions, error.ErrorCode);
        Assert.Contains("Materials:1 repeats the id 'intro'.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Materials:2 needs an id, a title and a text.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Materials:3:Kind is 42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_material_is_a_typed_error_listing_the_kit()
    {
        var kit = new PromoterKit([Material("intro", MaterialKind.PlatformIntroduction)]);

        var error = Assert.Throws<StandardWorkException>(() => kit["nope"]);

        Assert.Equal((ErrorCodes.StandardWorkUnknownMaterial, "Id"), (error.ErrorCode, error.Field));
        Assert.Contains("intro", error.Message, StringComparison.Ordinal);
    }
}
