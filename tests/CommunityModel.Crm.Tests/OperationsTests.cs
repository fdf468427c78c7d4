namespace CommunityModel.Crm.Tests;

/// <summary>What running the CRM needs around the API: Host filtering against DNS rebinding, a data folder outside bin/.</summary>
public sealed class OperationsTests : StartedCrm
{
    [Theory]
    [InlineData("evil.example")]
    [InlineData("rebound.attacker.test:5180")]
    public async Task A_request_for_another_host_name_is_refused_before_it_reaches_the_API(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/members/1");
        request.Headers.Host = host;

        using var response = await Crm.Client.SendAsync(request);

        Assert.Equal(400, (int)response.StatusCode);
    }

    [Fact]
    public void The_default_data_folder_is_outside_the_binaries()
    {
        var folder = new CrmOptions().ResolvedDataDirectory();

        Assert.EndsWith("communitymodel-crm", folder, StringComparison.Ordinal);
        Assert.False(folder.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal), folder);
        Assert.Equal(Path.Combine(folder, "crm.db"), new CrmOptions().ResolvedDatabase());
    }
}
