namespace CoProd.Application.Users;

/// <summary>The three kinds of user (see design.md). Access to a deal is by membership, not by role alone.</summary>
public static class Roles
{
    /// <summary>Creates deals, invites partners, edits structure, runs eligibility, submits for review.</summary>
    public const string Producer = "Producer";

    /// <summary>Reviews the deals they are members of: comments, requests changes, approves; never changes financial figures.</summary>
    public const string Lawyer = "Lawyer";

    /// <summary>Maintains treaties and reference data, users and roles; not other people's deals.</summary>
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Producer, Lawyer, Admin];
}
