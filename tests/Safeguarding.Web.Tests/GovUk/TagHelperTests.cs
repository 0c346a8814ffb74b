using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Safeguarding.Web.GovUk;
using static Safeguarding.Web.Tests.GovUk.TagHelperHarness;

namespace Safeguarding.Web.Tests.GovUk;

public sealed class TagHelperTests
{
    public sealed class ReferralForm
    {
        public string? ChildName { get; set; }
        public string? Decision { get; set; }
        public List<string> Concerns { get; set; } = [];
        public DateOnly? DateOfBirth { get; set; }
    }

    private static AngleSharp.Dom.IElement Parse(string html) =>
        new HtmlParser().ParseDocument("<body>" + html).Body!;

    [Fact]
    public async Task Input_WithModelStateError_ShowsMessageErrorClassAndDescribedBy()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("ChildName", "", "");
        modelState.AddModelError("ChildName", "Enter the child's name");
        var helper = new GovUkInputTagHelper
        {
            For = For(new ReferralForm(), nameof(ReferralForm.ChildName)),
            ViewContext = ViewContext(modelState),
            Label = "Child's name",
            Hint = "Full name",
        };

        var body = Parse(await RenderAsync(new Tag("govuk-input", helper)));

        var input = body.QuerySelector("input")!;
        Assert.Equal("ChildName", input.GetAttribute("name"));
        Assert.Contains("govuk-input--error", input.ClassList);
        Assert.Equal("ChildName-hint ChildName-error", input.GetAttribute("aria-describedby"));
        Assert.Equal("Error: Enter the child's name", body.QuerySelector("#ChildName-error")!.TextContent.Trim());
        Assert.NotNull(body.QuerySelector(".govuk-form-group--error"));
    }

    [Fact]
    public async Task Input_EncodesTextButPassesUnboundAttributesThrough()
    {
        var helper = new GovUkInputTagHelper { Name = "q", Label = "<script>alert(1)</script>", Value = "\"quoted\"" };
        var html = await RenderAsync(new Tag("govuk-input", helper) { Attributes = { new TagHelperAttribute("data-test", "x"), new TagHelperAttribute("class", "govuk-input--width-10") } });

        Assert.DoesNotContain("<script>", html);
        var input = Parse(html).QuerySelector("input")!;
        Assert.Equal("\"quoted\"", input.GetAttribute("value"));
        Assert.Equal("x", input.GetAttribute("data-test"));
        Assert.Contains("govuk-input--width-10", input.ClassList);
    }

    [Fact]
    public async Task Radios_BoundValue_ChecksItemAndRevealsConditional()
    {
        var model = new ReferralForm { Decision = "refer" };
        var radios = new Tag(
            "govuk-radios",
            new GovUkRadiosTagHelper { For = For(model, nameof(ReferralForm.Decision)), ViewContext = ViewContext(), Legend = "Decision" },
            new Tag("govuk-radios-item", new GovUkRadiosItemTagHelper { Value = "nfa" }, "No further action"),
            new Tag("govuk-radios-divider", new GovUkRadiosDividerTagHelper(), "or"),
            new Tag(
                "govuk-radios-item",
                new GovUkRadiosItemTagHelper { Value = "refer", Hint = "To children's social care" },
                "Refer",
                new Tag("govuk-radios-item-conditional", new GovUkRadiosItemConditionalTagHelper(), "<p>Team</p>")));

        var body = Parse(await RenderAsync(radios));

        Assert.Equal("Decision", body.QuerySelector("legend")!.TextContent.Trim());
        Assert.False(body.QuerySelector("#Decision")!.HasAttribute("checked"));
        var refer = body.QuerySelector("#Decision-3")!;
        Assert.True(refer.HasAttribute("checked"));
        Assert.Equal("conditional-Decision-3", refer.GetAttribute("data-aria-controls"));
        Assert.Equal("Refer", body.QuerySelector("label[for=Decision-3]")!.TextContent.Trim());
        var conditional = body.QuerySelector("#conditional-Decision-3")!;
        Assert.DoesNotContain("govuk-radios__conditional--hidden", conditional.ClassList);
        Assert.Equal("Team", conditional.TextContent.Trim());
        Assert.Equal("or", body.QuerySelector(".govuk-radios__divider")!.TextContent);
    }

    [Fact]
    public async Task Checkboxes_BoundToList_ChecksContainedValues()
    {
        var model = new ReferralForm { Concerns = ["neglect"] };
        var checkboxes = new Tag(
            "govuk-checkboxes",
            new GovUkCheckboxesTagHelper { For = For(model, nameof(ReferralForm.Concerns)), ViewContext = ViewContext() },
            new Tag("govuk-checkboxes-item", new GovUkCheckboxesItemTagHelper { Value = "neglect" }, "Neglect"),
            new Tag("govuk-checkboxes-item", new GovUkCheckboxesItemTagHelper { Value = "none", BehaviourAttribute = "exclusive" }, "None"));

        var body = Parse(await RenderAsync(checkboxes));

        Assert.True(body.QuerySelector("#Concerns")!.HasAttribute("checked"));
        Assert.False(body.QuerySelector("#Concerns-2")!.HasAttribute("checked"));
        Assert.Equal("exclusive", body.QuerySelector("#Concerns-2")!.GetAttribute("data-behaviour"));
    }

    [Fact]
    public async Task DateInput_ShowsModelDate()
    {
        var helper = new GovUkDateInputTagHelper
        {
            For = For(new ReferralForm { DateOfBirth = new DateOnly(2015, 3, 9) }, nameof(ReferralForm.DateOfBirth)),
            ViewContext = ViewContext(),
        };

        var body = Parse(await RenderAsync(new Tag("govuk-date-input", helper)));

        Assert.Equal("9", body.QuerySelector("input[name=DateOfBirth-day]")!.GetAttribute("value"));
        Assert.Equal("3", body.QuerySelector("#DateOfBirth-month")!.GetAttribute("value"));
        Assert.Equal("2015", body.QuerySelector("#DateOfBirth-year")!.GetAttribute("value"));
        Assert.Equal("group", body.QuerySelector("fieldset")!.GetAttribute("role"));
    }

    [Fact]
    public async Task DateInput_ImpossibleDate_KeepsTypedPartsAndHighlightsDay()
    {
        var modelState = await DateInputModelBinderTests.BindAsync(("DateOfBirth-day", "31"), ("DateOfBirth-month", "2"), ("DateOfBirth-year", "2020"));
        var helper = new GovUkDateInputTagHelper { For = For(new ReferralForm(), nameof(ReferralForm.DateOfBirth)), ViewContext = ViewContext(modelState.ModelState) };

        var body = Parse(await RenderAsync(new Tag("govuk-date-input", helper)));

        Assert.Equal("Error: DateOfBirth must be a real date", body.QuerySelector("#DateOfBirth-error")!.TextContent.Trim());
        Assert.Contains("govuk-input--error", body.QuerySelector("#DateOfBirth-day")!.ClassList);
        Assert.DoesNotContain("govuk-input--error", body.QuerySelector("#DateOfBirth-month")!.ClassList);
        Assert.Equal("31", body.QuerySelector("#DateOfBirth-day")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ErrorSummary_LinksToFieldAndToFirstDatePartInError()
    {
        var bound = await DateInputModelBinderTests.BindAsync(("DateOfBirth-day", "4"), ("DateOfBirth-month", ""), ("DateOfBirth-year", "2020"));
        bound.ModelState.AddModelError("ChildName", "Enter the child's name");
        var helper = new GovUkErrorSummaryTagHelper { ViewContext = ViewContext(bound.ModelState) };

        var body = Parse(await RenderAsync(new Tag("govuk-error-summary", helper)));

        Assert.Equal("There is a problem", body.QuerySelector("h2")!.TextContent.Trim());
        var links = body.QuerySelectorAll(".govuk-error-summary__list a").ToDictionary(a => a.GetAttribute("href")!, a => a.TextContent.Trim());
        Assert.Equal("DateOfBirth must include a month", links["#DateOfBirth-month"]);
        Assert.Equal("Enter the child's name", links["#ChildName"]);
    }

    [Fact]
    public async Task ErrorSummary_WithoutErrors_RendersNothing()
    {
        var html = await RenderAsync(new Tag("govuk-error-summary", new GovUkErrorSummaryTagHelper { ViewContext = ViewContext() }));
        Assert.Equal(string.Empty, html.Trim());
    }

    [Fact]
    public async Task SummaryList_RowsWithAndWithoutActions()
    {
        var list = new Tag(
            "govuk-summary-list",
            new GovUkSummaryListTagHelper(),
            new Tag(
                "govuk-summary-list-row",
                new GovUkSummaryListRowTagHelper(),
                new Tag("govuk-summary-list-row-key", new GovUkSummaryListRowKeyTagHelper(), "Name"),
                new Tag("govuk-summary-list-row-value", new GovUkSummaryListRowValueTagHelper(), "Sam &amp; Alex"),
                new Tag("govuk-summary-list-row-action", new GovUkSummaryListRowActionTagHelper { Href = "/change", VisuallyHiddenText = "name" }, "Change")),
            new Tag(
                "govuk-summary-list-row",
                new GovUkSummaryListRowTagHelper(),
                new Tag("govuk-summary-list-row-key", new GovUkSummaryListRowKeyTagHelper(), "Age"),
                new Tag("govuk-summary-list-row-value", new GovUkSummaryListRowValueTagHelper(), "9")));

        var body = Parse(await RenderAsync(list));

        var rows = body.QuerySelectorAll(".govuk-summary-list__row");
        Assert.Equal(2, rows.Length);
        Assert.Equal("Sam & Alex", rows[0].QuerySelector("dd")!.TextContent.Trim());
        Assert.Equal("Change name", rows[0].QuerySelector("a")!.TextContent.Trim());
        Assert.Contains("govuk-summary-list__row--no-actions", rows[1].ClassList);
    }

    [Fact]
    public async Task Button_ChildContentIsTheLabel()
    {
        var html = await RenderAsync(new Tag("govuk-button", new GovUkButtonTagHelper { PreventDoubleClick = true }, "Save and continue"));
        var button = Parse(html).QuerySelector("button.govuk-button")!;
        Assert.Equal("Save and continue", button.TextContent.Trim());
        Assert.Equal("true", button.GetAttribute("data-prevent-double-click"));
    }
}
