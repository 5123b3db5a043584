using CoProd.Application.Treaties;
using CoProd.Application.Users;
using CoProd.Infrastructure.Persistence;
using CoProd.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoProd.Application.Tests.Admin;

public sealed class TreatyImportTests : IClassFixture<ServiceHarness>
{
    private readonly ServiceHarness _app;

    public TreatyImportTests(ServiceHarness app) => _app = app;

    private async Task<TreatyImportResult> ImportAsync(string json)
    {
        _app.User.ActAs(await _app.CreateUserAsync(Roles.Admin));
        return await _app.InScopeAsync(s => s.GetRequiredService<TreatyAdminService>().ImportAsync(json, CancellationToken.None));
    }

    private Task<int> CountAsync(string code) =>
        _app.InScopeAsync(s => s.GetRequiredService<CoProdDbContext>().Treaties.CountAsync(t => t.Code == code));

    private const string ValidTreaty = """
            {
              "code": "it-jp-import",
              "name": "Italy – Japan (import test)",
              "kind": "bilateral",
              "parties": [ { "country": "IT" }, { "country": "JP" } ],
              "inForceFrom": "2020-01-01",
              "ruleVersions": [
                { "effectiveFrom": "2020-01-01",
                  "rules": { "bilateralShares": { "minimum": 20, "maximum": 80, "source": { "article": "Art. 6", "url": "https://example.org/it-jp" } } } }
              ]
            }
        """;

    [Fact]
    public async Task A_file_with_several_broken_rules_imports_nothing_and_reports_each_with_its_line_and_field()
    {
        var json = "{\n  \"format\": \"coprod-treaties/1\",\n  \"treaties\": [\n" + ValidTreaty + """
            ,
            {
              "code": "es-jp-import",
              "name": "",
              "kind": "bilateral",
              "parties": [ { "country": "ES" }, { "country": "QQ" } ],
              "ruleVersions": [
                { "effectiveFrom": "2021-01-01",
                  "rules": {
                    "bilateralShares": { "minimum": 150, "maximum": 80, "source": { "article": "Art. 5" } },
                    "nonPartyCoProducers": { "allowed": true }
                  } }
              ]
            }
          ]
        }
        """;
        var lines = json.Split('\n');
        int LineOf(string text) => Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;

        var result = await ImportAsync(json);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Created);
        Assert.Contains(result.Errors, e => e.Field == "treaties[1].name" && e.Line == LineOf("\"name\": \"\""));
        Assert.Contains(result.Errors, e => e.Field == "treaties[1].parties[1].country" && e.Line == LineOf("\"QQ\"") && e.Message.Contains("'QQ'", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Field == "treaties[1].ruleVersions[0].rules.bilateralShares.minimum" && e.Line == LineOf("\"minimum\": 150"));
        Assert.Contains(result.Errors, e => e.Field == "treaties[1].ruleVersions[0].rules.nonPartyCoProducers.source" && e.Line == LineOf("\"nonPartyCoProducers\""));
        Assert.True(result.Errors.Count >= 5, string.Join(Environment.NewLine, result.Errors));

        // All or nothing: the valid treaty in the same file was not imported either.
        Assert.Equal(0, await CountAsync("it-jp-import"));
        Assert.Equal(0, await CountAsync("es-jp-import"));
    }

    [Fact]
    public async Task Unknown_fields_and_values_of_the_wrong_type_are_all_reported_with_their_lines()
    {
        var json = """
            {
              "format": "coprod-treaties/1",
              "treaties": [
                {
                  "code": "pt-jp-import",
                  "nmae": "Misspelt",
                  "kind": "bilateral",
                  "parties": [ { "country": "PT" }, { "country": "JP" } ],
                  "inForceFrom": "1st of May",
                  "ruleVersions": [ { "rules": { "bilateralShares": { "minimum": "twenty" } } } ]
                }
              ]
            }
            """;

        var result = await ImportAsync(json);

        Assert.Equal(3, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Field == "treaties[0].nmae" && e.Line == 6 && e.Message.StartsWith("Unknown field", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Field == "treaties[0].inForceFrom" && e.Line == 9);
        Assert.Contains(result.Errors, e => e.Field == "treaties[0].ruleVersions[0].rules.bilateralShares.minimum" && e.Line == 10);
        Assert.Equal(0, await CountAsync("pt-jp-import"));
    }

    [Fact]
    public async Task A_JSON_syntax_error_names_its_line()
    {
        var result = await ImportAsync("{\n  \"format\": \"coprod-treaties/1\",\n  \"treaties\": [ { \"code\": \"x\" \"name\": \"y\" } ]\n}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_already_on_record_is_refused_and_a_valid_file_is_imported_whole()
    {
        var file = "{ \"format\": \"coprod-treaties/1\", \"treaties\": [" + ValidTreaty.Replace("it-jp-import", "it-jp-once", StringComparison.Ordinal) + "] }";

        var first = await ImportAsync(file);
        var second = await ImportAsync(file);

        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.Equal(["it-jp-once"], first.Created);
        var refused = Assert.Single(second.Errors);
        Assert.Equal("treaties[0].code", refused.Field);
        Assert.Contains("already on record", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("it-jp-once"));
    }

    [Fact]
    public async Task An_export_imports_back_as_the_same_treaties()
    {
        _app.User.ActAs(await _app.CreateUserAsync(Roles.Admin));
        var exported = await _app.InScopeAsync(s => s.GetRequiredService<TreatyAdminService>().ExportAsync(["ca-fr"], CancellationToken.None));
        var json = TreatyAdminService.Serialize(exported).Replace("\"ca-fr\"", "\"ca-fr-copy\"", StringComparison.Ordinal);

        var result = await ImportAsync(json);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var copy = await _app.InScopeAsync(s => s.GetRequiredService<TreatyAdminService>().GetAsync("ca-fr-copy", CancellationToken.None));
        var original = exported.Treaties!.Single();
        Assert.Equal(original.RuleVersions!.Count, copy.Treaty.RuleVersions!.Count);
        Assert.Equal(original.RuleVersions[0].Rules!.BilateralShares!.Minimum, copy.Treaty.RuleVersions[0].Rules!.BilateralShares!.Minimum);
    }
}
