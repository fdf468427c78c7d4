using System.Text.Json;

namespace CommunityModel.Tests.Ids;

public class MemberIdJsonTests
{
    [Fact]
    public void A_member_id_is_the_integrators_key_as_a_json_number_also_as_a_dictionary_key()
    {
        Assert.Equal("1024", JsonSerializer.Serialize((MemberId)1024));
        Assert.Equal((MemberId)1024, JsonSerializer.Deserialize<MemberId>("1024"));
        Assert.Equal(default, JsonSerializer.Deserialize<MemberId>("0"));
        var byMember = new Dictionary<MemberId, int> { [7] = 1 };
        Assert.Equal("{\"7\":1}", JsonSerializer.Serialize(byMember));
        Assert.Equal(1, JsonSerializer.Deserialize<Dictionary<MemberId, int>>("{\"7\":1}")![7]);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("\"7\"")]
    [InlineData("1.5")]
    public void Anything_but_a_non_negative_integer_is_rejected(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MemberId>(json));

    [Fact]
    public void A_bad_dictionary_key_is_rejected() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Dictionary<MemberId, int>>("{\"x\":1}"));
}
