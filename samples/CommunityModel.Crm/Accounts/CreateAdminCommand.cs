namespace CommunityModel.Crm.Accounts;

/// <summary>
/// <c>dotnet run --project samples/CommunityModel.Crm -- create-admin &lt;name&gt;</c>: creates an admin account in the
/// configured data directory and exits. The password is read from the <c>CRM_ADMIN_PASSWORD</c> environment variable,
/// or else from the first line of standard input; it is never a command-line argument (those show in <c>ps</c>).
/// </summary>
internal static class CreateAdminCommand
{
    /// <summary>The command's name, the first argument.</summary>
    public const string Name = "create-admin";

    /// <summary>The environment variable holding the password.</summary>
    public const string PasswordVariable = "CRM_ADMIN_PASSWORD";

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after <c>create-admin</c>: the name, then configuration overrides.</param>
    /// <param name="stdin">Where the password is read when the environment does not hold it.</param>
    /// <param name="stdout">Where the outcome is written.</param>
    /// <returns>The exit code: 0 created, 1 refused, 2 misused.</returns>
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            await stdout.WriteLineAsync($"usage: {Name} <name> [--Crm:DataDirectory=<folder>]; the password from {PasswordVariable} or standard input");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : await stdin.ReadLineAsync();
        var app = CrmApp.Create(args[1..]);
        var accounts = app.Services.GetRequiredService<AccountStore>();
        try
        {
            await accounts.InitializeAsync(CancellationToken.None);
            var created = await accounts.CreateAsync(args[0], password, CrmRoles.Admin, null, CancellationToken.None);
            await stdout.WriteLineAsync($"Created the admin account '{created.UserName}'.");
            return 0;
        }
        catch (Errors.CrmException e)
        {
            await stdout.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
