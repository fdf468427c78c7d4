using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace CommunityModel.Crm.Tests;

/// <summary>
/// The CRM as its own process, killed with SIGKILL while orders pour in: every answered order is on disk, and no
/// command is half stored (each stored membership purchase has its commission beside it).
/// </summary>
public sealed partial class KilledProcessTests
{
    private const int Members = 40;

    [Fact]
    public async Task A_process_killed_mid_flow_loses_no_answered_order_and_stores_no_half_command()
    {
        using var db = new TempDatabase();
        var answered = new List<long>();
        await CreateAdminAsync(db.Path);
        using (var process = Start(db.Path))
        {
            try
            {
                using var crmClient = await new CrmClient(await AddressAsync(process)).SignInAsync(CrmHost.AdminName, CrmHost.Password);
                var client = crmClient.Http;
                await Post(client, "/members", new { memberId = 1 });
                for (var id = 2; id <= Members; id++)
                {
                    await Post(client, "/members", new { memberId = id, sponsorId = 1 });
                }

                // Orders in parallel; the process is killed once a few have been answered.
                var orders = Enumerable.Range(2, Members - 1).Select(async id =>
                {
                    try
                    {
                        using var response = await client.PostAsJsonAsync($"/members/{id}/orders", new { orderId = $"o-{id}", item = "VIP" });
                        if (response.IsSuccessStatusCode)
                        {
                            lock (answered)
                            {
                                answered.Add(id);
                            }
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // the process died under this request: it may or may not be stored, never half
                    }
                }).ToList();
                while (CountOf(answered) < 5 && orders.Any(o => !o.IsCompleted))
                {
                    await Task.Delay(5);
                }

                process.Kill(); // SIGKILL: no shutdown, no flush
                await Task.WhenAll(orders);
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }

                await process.WaitForExitAsync();
            }
        }

        var purchases = StoredEvents.Count(db.Path, "membership.purchased.v1");
        Assert.Equal(purchases, StoredEvents.Count(db.Path, "commissions.commission_accrued.v1"));
        Assert.InRange(answered.Count, 1, purchases);

        await using var crm = await CrmHost.StartAsync(db.Path, new FakeTimeProvider(DateTimeOffset.UtcNow));
        foreach (var id in answered)
        {
            Assert.Equal("Member", (string?)(await crm.GetAsync($"/members/{id}"))["stage"]);
        }

        Assert.Equal(360.00m * purchases, Cny.Amount((await crm.GetAsync("/members/1/commissions"))["balance"]!["pending"]));
    }

    private static int CountOf(List<long> answered)
    {
        lock (answered)
        {
            return answered.Count;
        }
    }

    // The documented first step: create-admin, the password on standard input.
    private static async Task CreateAdminAsync(string database)
    {
        using var process = Process.Start(Info(database, "create-admin", CrmHost.AdminName)) ?? throw new InvalidOperationException("create-admin did not start.");
        await process.StandardInput.WriteLineAsync(CrmHost.Password);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"create-admin: {output} {await process.StandardError.ReadToEndAsync()}");
        Assert.Contains("Created the admin account 'admin'.", output, StringComparison.Ordinal);
    }

    private static Process Start(string database) => Process.Start(Info(database)) ?? throw new InvalidOperationException("The CRM process did not start.");

    private static ProcessStartInfo Info(string database, params string[] command)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = command.Length > 0,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment.Remove("CRM_ADMIN_PASSWORD");
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "CommunityModel.Crm.dll") }.Concat(command).Concat(["--Crm:Port=0", $"--Crm:DataDirectory={Path.GetDirectoryName(database)}", $"--Crm:Database={database}"]))
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private static async Task<Uri> AddressAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                _ = process.StandardOutput.ReadToEndAsync(); // keep the pipe drained
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"The CRM process ended before listening: {await process.StandardError.ReadToEndAsync()}");
    }

    private static async Task Post(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
