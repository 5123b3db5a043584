namespace CoProd.Domain.Treaties;

/// <summary>How sure we are of a number: read in the treaty text, taken from a secondary summary, or unsure.</summary>
public enum Confidence
{
    /// <summary>Read in the treaty text or on the competent authority's own page.</summary>
    Solid,

    /// <summary>From a law firm, trade press or an aggregator's summary.</summary>
    Secondary,

    /// <summary>Conflicting or partial evidence: the engine shows it but warns.</summary>
    Unsure,
}

/// <summary>Where a rule comes from: the article, a link to the text, and a note.</summary>
public sealed record RuleSource(string Article, string? Url, string? Note = null, Confidence Confidence = Confidence.Solid)
{
    public const int ArticleMaxLength = 200;
    public const int UrlMaxLength = 1000;
    public const int NoteMaxLength = 2000;

    public override string ToString() => Url is null ? Article : $"{Article} ({Url})";
}
