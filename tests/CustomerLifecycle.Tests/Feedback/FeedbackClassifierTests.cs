using CustomerLifecycle.Feedback;

namespace CustomerLifecycle.Tests.Feedback;

public sealed class FeedbackClassifierTests
{
    private static readonly FeedbackClassifier Classifier = new(new FeedbackOptions());

    [Theory]
    [InlineData("The app crashes on export, this is a bug", "service-issue", "bug,crash")]
    [InlineData("导出时系统崩溃，无法使用", "service-issue", "无法,崩溃")]
    [InlineData("ログインできない。エラーが出ます", "service-issue", "エラー,できない")]
    [InlineData("Please add a dark mode feature", "product-request", "feature,please add")]
    [InlineData("希望增加导出功能", "product-request", "希望,增加,功能")]
    [InlineData("I want a refund, this is unacceptable", "complaint", "unacceptable,refund")]
    [InlineData("投诉：客服态度太差，要求退款", "complaint", "投诉,退款,太差")]
    [InlineData("Thank you, great support!", "praise", "thank,great")]
    [InlineData("使いにくい画面です", "experience-improvement", "使いにくい")]
    public void Classify_ByKeywords_InEnglishChineseAndJapanese(string text, string category, string keywords)
    {
        var result = Classifier.Classify(text);

        Assert.Equal(category, result.Category);
        Assert.Equal(ClassificationSource.Keywords, result.Source);
        Assert.Equal(keywords.Split(','), result.MatchedKeywords);
        Assert.Equal("feedback.category-keywords", result.Reason.Code);
    }

    [Fact]
    public void Classify_LatinKeyword_MustStartAWord()
    {
        var result = Classifier.Classify("We are debugging the new page");

        Assert.Equal("service-issue", result.Category);
        Assert.Equal(ClassificationSource.Default, result.Source);
        Assert.Empty(result.MatchedKeywords);
        Assert.Equal("Category 'service-issue' is the default: no category keyword matched.", result.Reason.Message);
    }

    [Fact]
    public void Classify_LatinKeywordInsideChineseText_Matches()
        => Assert.Equal(["feature"], Classifier.Classify("这个feature怎么用").MatchedKeywords);

    [Fact]
    public void Classify_Tie_GoesToTheCategoryListedFirst()
    {
        var result = Classifier.Classify("Great feature");

        Assert.Equal("product-request", result.Category);
        Assert.Equal("Category 'product-request': the text mentions 'feature'.", result.Reason.Message);
    }

    [Fact]
    public void Classify_GivenCategory_IsTaken()
    {
        var result = Classifier.Classify("Please add a feature", "complaint");

        Assert.Equal("complaint", result.Category);
        Assert.Equal(ClassificationSource.Host, result.Source);
        Assert.Equal("Category 'complaint' was given by the host.", result.Reason.Message);
    }

    [Fact]
    public void Classify_UnknownGivenCategory_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Classifier.Classify("text", "bogus"));
        Assert.Equal("Category 'bogus' is not one of the Categories (product-request, service-issue, experience-improvement, complaint, praise). (Parameter 'category')", ex.Message);
    }

    [Theory]
    [InlineData("The site is down and we are blocked", "Critical")]
    [InlineData("系统宕机了", "Critical")]
    [InlineData("Export fails with an error", "High")]
    [InlineData("It sometimes happens, we have a workaround", "Medium")]
    [InlineData("A typo on the pricing page", "Low")]
    [InlineData("Hello there", "Medium")]
    public void ClassifyUrgency_TakesTheMostUrgentMatch_OrTheDefault(string text, string urgency)
        => Assert.Equal(urgency, Classifier.ClassifyUrgency(text));

    [Fact]
    public void ClassifyCategory_LongText_UsesThePooledBuffer()
        => Assert.Equal("complaint", Classifier.ClassifyCategory(new string('x', 2000) + " refund"));

    [Fact]
    public void HostCategory_WithManyKeywords_IsMatchedCaseInsensitively()
    {
        var options = new FeedbackOptions();
        options.Categories.Add(new FeedbackCategoryOptions
        {
            Name = "billing",
            Team = "finance",
            Keywords = [.. Enumerable.Range(0, 600).Select(i => $"code{i}"), "  Invoice ", "发票"],
        });
        var classifier = new FeedbackClassifier(options);

        var result = classifier.Classify("My INVOICE shows CODE599, 发票金额不对");

        Assert.Equal("billing", result.Category);
        // A Latin keyword must start a word but may end inside one, so "code5" and "code59" match "code599" too.
        Assert.Equal(["code5", "code59", "code599", "invoice", "发票"], result.MatchedKeywords);
        Assert.Equal("billing", classifier.ClassifyCategory("invoice"));
    }
}
