using System.Globalization;
using CommunityModel.Crm.Errors;
using Microsoft.AspNetCore.Identity;
using CommunityModel.Crm.Api;
using Microsoft.Data.Sqlite;

namespace CommunityModel.Crm.Accounts;

/// <summary>
/// The sign-ins, in an <c>accounts</c> table beside the events (same file). Passwords are hashed with the shared
/// framework's <see cref="PasswordHasher{TUser}"/>; names and roles are checked here, so the command line and
/// <c>POST /accounts</c> refuse the same things.
/// </summary>
internal sealed class AccountStore
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinimumPasswordLength = 12;

    private readonly string _connectionString;
    private readonly PasswordHasher<Account> _hasher = new();
    private readonly string _dummyHash;

    public AccountStore(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        _dummyHash = _hasher.HashPassword(null!, "not a password of anyone");
    }

    /// <summary>Creates the table if needed.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(new SqliteConnectionStringBuilder(_connectionString).DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS accounts (
                user_name     TEXT PRIMARY KEY,
                role          TEXT NOT NULL,
                member_id     INTEGER NULL,
                password_hash TEXT NOT NULL
            );
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Creates an account.</summary>
    /// <param name="userName">The name.</param>
    /// <param name="password">The password.</param>
    /// <param name="role">The role.</param>
    /// <param name="memberId">The member, for a member account.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The account.</returns>
    /// <exception cref="CrmException">A field is invalid (400) or the name is taken (409 <c>crm.account_exists</c>).</exception>
    public async Task<AccountView> CreateAsync(string? userName, string? password, string? role, MemberId? memberId, CancellationToken cancellationToken)
    {
        var name = InputRules.UserName(userName, "userName");
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength || password.Length > 256)
        {
            throw CrmException.Invalid("password", $"The password must be {MinimumPasswordLength} to 256 characters long.");
        }

        if (!CrmRoles.IsKnown(role))
        {
            throw CrmException.Invalid("role", "The role must be one of member, staff, admin.");
        }

        if ((role == CrmRoles.Member) != (memberId is not null))
        {
            throw CrmException.Invalid("memberId", role == CrmRoles.Member ? "A member account needs the member id it speaks for." : "Only a member account names a member id.");
        }

        var account = new Account(name, role!, memberId, "");
        account = account with { PasswordHash = _hasher.HashPassword(account, password) };
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO accounts (user_name, role, member_id, password_hash) VALUES ($name, $role, $member, $hash)";
        command.Parameters.AddWithValue("$name", account.UserName);
        command.Parameters.AddWithValue("$role", account.Role);
        command.Parameters.AddWithValue("$member", account.MemberId is { } m ? m.Value : DBNull.Value);
        command.Parameters.AddWithValue("$hash", account.PasswordHash);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new CrmException(CrmErrorCodes.AccountExists, $"The account '{account.UserName}' exists already.", "userName");
        }

        return new AccountView(account.UserName, account.Role, account.MemberId);
    }

    /// <summary>The account whose name and password match, or null; as slow for an unknown name as for a wrong password.</summary>
    /// <param name="userName">The name.</param>
    /// <param name="password">The password.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The account, or null.</returns>
    public async Task<Account?> VerifyAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var account = await FindAsync(userName, cancellationToken);
        var result = _hasher.VerifyHashedPassword(account!, account?.PasswordHash ?? _dummyHash, password);
        return account is not null && result != PasswordVerificationResult.Failed ? account : null;
    }

    /// <summary>How many accounts exist.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The count.</returns>
    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM accounts";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private async Task<Account?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_name, role, member_id, password_hash FROM accounts WHERE user_name = $name";
        command.Parameters.AddWithValue("$name", userName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new Account(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : new MemberId(reader.GetInt64(2)), reader.GetString(3))
            : null;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
