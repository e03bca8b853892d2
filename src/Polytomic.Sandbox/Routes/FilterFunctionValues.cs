namespace Polytomic.Sandbox.Routes
{
    /// <summary>Polytomic's FilterFunction values, which filters and overrides of syncs and bulk schemas take.</summary>
    internal static class FilterFunctionValues
    {
        public static readonly string[] All =
        {
            "Equality", "Inequality", "IsNull", "IsNotNull", "True", "False", "OnOrAfter", "OnOrBefore", "GreaterThan", "GreaterThanEqual",
            "LessThan", "LessThanEqual", "StringContains", "StringStartsWith", "StringEndsWith", "StringDoesNotContain", "StringDoesNotStartWith",
            "StringDoesNotEndWith", "StringOneOf", "StringNotOneOf", "Between", "ArrayContains", "ArrayDoesNotContain", "InTheLast",
            "RelativeOnOrBefore", "RelativeOnOrAfter", "StringLike", "StringNotLike", "StringMatchesTrimmed",
        };
    }
}
