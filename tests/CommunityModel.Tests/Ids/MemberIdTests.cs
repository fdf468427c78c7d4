namespace CommunityModel.Tests.Ids;

public class MemberIdTests
{
    [Fact]
    public void A_member_id_wraps_a_positive_key()
    {
        MemberId id = 1024;

        Assert.Equal(1024, id.Value);
        Assert.False(id.IsEmpty);
        Assert.Equal("1024", id.ToString());
        Assert.Equal(id, MemberId.Parse("1024"));
        Assert.True(id == new MemberId(1024) && id != new MemberId(1025));
        Assert.True(id.CompareTo(new MemberId(1025)) < 0);
        Assert.True(default(MemberId).IsEmpty);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Zero_or_negative_keys_are_rejected(long value)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MemberId(value));
        Assert.Equal("value", error.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("12a")]
    [InlineData(" 12")]
    public void Parse_rejects_anything_but_a_positive_integer(string text)
    {
        Assert.False(MemberId.TryParse(text, null, out _));
        Assert.Contains($"'{text}'", Assert.Throws<FormatException>(() => MemberId.Parse(text)).Message, StringComparison.Ordinal);
    }
}
