using System.Reflection;
using CoProd.Web.Components.Admin;
using CoProd.Web.Components.Deals;
using Microsoft.AspNetCore.Components;

namespace CoProd.Web.Tests.Hosting;

/// <summary>
/// Blazor renders a component at the first await of OnInitializedAsync that does not complete at once. When an
/// earlier await happened to complete at once, that render saw half-loaded state (the treaty loaded, its forms not yet
/// built) and failed the request with "EditForm requires either a Model parameter, or an EditContext parameter" — now
/// and then, depending on timing. The workspace and admin base classes load everything before the first render; a
/// page that loads in OnInitializedAsync or OnParametersSetAsync instead brings the failure back.
/// </summary>
public sealed class PageLoadingTests
{
    public static TheoryData<string> PagesWithABaseThatLoads() => [.. Pages()];

    [Fact]
    public void Admin_and_deal_pages_are_found()
    {
        var pages = Pages().ToList();

        Assert.Contains(pages, p => p.EndsWith(".RuleVersionPage", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.EndsWith(".TreatyAdminDetail", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.EndsWith(".Partners", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Pages() =>
        typeof(AdminPageBase).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttributes<RouteAttribute>().Any())
            .Where(t => t.IsSubclassOf(typeof(AdminPageBase)) || t.IsSubclassOf(typeof(DealPageBase)))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(PagesWithABaseThatLoads))]
    public void A_page_loads_its_data_before_its_first_render(string pageType)
    {
        var page = typeof(AdminPageBase).Assembly.GetType(pageType, throwOnError: true)!;

        foreach (var name in new[] { "OnInitializedAsync", "OnParametersSetAsync" })
        {
            var method = page.GetMethod(name, BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes)!;
            Assert.True(
                method.DeclaringType == typeof(ComponentBase),
                $"{page.Name} overrides {name}; load in LoadAsync (admin) or OnWorkspaceLoadedAsync (deal workspace) so that nothing renders half-loaded.");
        }
    }
}
