using System.IO.Compression;
using Microsoft.AspNetCore.Identity;

namespace CoProd.Infrastructure.Identity;

/// <summary>
/// Password rules after NIST SP 800-63B: length matters, composition rules do not (Identity is set to require
/// 12 characters and nothing else); a password found in a list of common passwords, a run of one character,
/// or one containing the user's e-mail name is refused.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lowered = password.ToLowerInvariant();
        var errors = new List<IdentityError>();
        if (CommonPasswords.Value.Contains(lowered))
        {
            errors.Add(new IdentityError { Code = "CommonPassword", Description = "This password is on a list of commonly used passwords. Choose another, e.g. a few unrelated words." });
        }

        if (password.Distinct().Count() == 1)
        {
            errors.Add(new IdentityError { Code = "RepeatedCharacter", Description = "A password cannot be one character repeated." });
        }

        var emailName = user.Email?.Split('@')[0].ToLowerInvariant();
        if (emailName is { Length: >= 4 } && lowered.Contains(emailName, StringComparison.Ordinal))
        {
            errors.Add(new IdentityError { Code = "ContainsEmail", Description = "A password cannot contain your e-mail name." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("CoProd.Identity.common-passwords.txt.gz")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line);
            }
        }

        return set;
    }
}
