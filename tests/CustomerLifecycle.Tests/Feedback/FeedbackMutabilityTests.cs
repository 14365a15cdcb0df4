using System.Reflection;
using System.Runtime.CompilerServices;
using CustomerLifecycle.Calendars;
using CustomerLifecycle.Feedback;

namespace CustomerLifecycle.Tests.Feedback;

public sealed class FeedbackMutabilityTests
{
    public static TheoryData<Type> PublicTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(FeedbackEngine).Assembly.GetExportedTypes().Concat(typeof(FeedbackItem).Assembly.GetExportedTypes())
                     .Where(t => t.Namespace is "CustomerLifecycle.Feedback" or "CustomerLifecycle.Calendars")
                     .Where(t => !t.IsEnum && !t.IsInterface && !t.Name.EndsWith("Options", StringComparison.Ordinal) && !t.Name.EndsWith("Validator", StringComparison.Ordinal))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void PublicTypes_ExceptPolicies_AreImmutable(Type type)
    {
        var settable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } setter && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => p.Name);
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly).Select(f => f.Name);

        Assert.Empty(settable.Concat(fields));
    }

    [Fact]
    public void TheCheck_CoversTheEnginesAndResults()
    {
        var types = ((IEnumerable<object[]>)PublicTypes()).Select(row => (Type)row[0]).ToList();
        Assert.Contains(typeof(FeedbackEngine), types);
        Assert.Contains(typeof(BusinessCalendar), types);
        Assert.Contains(typeof(FeedbackAssessment), types);
        Assert.Contains(typeof(FeedbackTriage), types);
    }
}
