using System.Globalization;

namespace Commonweal.Core.Targeting;

/// <summary>Reads cohort rules (see <see cref="CohortRule{T}"/>).</summary>
public static class CohortRule
{
    /// <summary>The rule over subjects with these fields, or every problem with it.</summary>
    public static (CohortRule<T>? Rule, IReadOnlyList<RuleProblem> Problems) Parse<T>(string? text, RuleFields<T> fields) => CohortRule<T>.Parse(text, fields);
}

/// <summary>What is wrong with a rule, at a column (1-based) of its text.</summary>
public sealed record RuleProblem(int Column, string Message)
{
    public override string ToString() => $"column {Column}: {Message}";
}

/// <summary>
/// A cohort rule, as people write it: comparisons of named fields joined by <c>and</c>, <c>or</c>, <c>not</c> and brackets —
/// <c>imd_decile &lt;= 2</c>, <c>age &gt;= 65 and (diabetes or copd)</c>, <c>district in (E07000066, E06000033)</c>,
/// <c>age between 16 and 64</c>. Fields are numbers (<c>= != &lt; &lt;= &gt; &gt;=</c>, <c>between a and b</c>, <c>in (…)</c>),
/// words (<c>=</c>, <c>!=</c>, <c>in (…)</c>, compared without regard to case) or yes/no (named alone). A comparison with a
/// value that is not known (a null) is false. <c>not</c> binds tighter than <c>and</c>, which binds tighter than <c>or</c>.
/// Keywords are case-insensitive. A rule that cannot be read is refused with every problem found, each with its column.
/// </summary>
public sealed class CohortRule<T>
{
    private readonly Func<T, bool> test;

    internal CohortRule(string text, Func<T, bool> test)
    {
        Text = text;
        this.test = test;
    }

    public string Text { get; }

    public bool Matches(T subject) => test(subject);

    /// <summary>The rule, or every problem with it.</summary>
    internal static (CohortRule<T>? Rule, IReadOnlyList<RuleProblem> Problems) Parse(string? text, RuleFields<T> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (string.IsNullOrWhiteSpace(text)) return (null, [new RuleProblem(1, "the rule is empty: give a condition such as imd_decile <= 2")]);
        var parser = new Parser(text, fields);
        var test = parser.Read();
        return parser.Problems.Count > 0 || test is null ? (null, parser.Problems) : (new CohortRule<T>(text.Trim(), test), []);
    }

    private enum TokenKind
    {
        Word,
        Number,
        Quoted,
        Symbol,
        End,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Column)
    {
        public bool Is(string keyword) => Kind is TokenKind.Word or TokenKind.Symbol && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class Parser
    {
        private static readonly string[] Keywords = ["and", "or", "not", "in", "between"];
        private readonly List<Token> tokens = [];
        private readonly RuleFields<T> fields;
        private int position;

        public Parser(string text, RuleFields<T> fields)
        {
            this.fields = fields;
            Tokenise(text);
        }

        public List<RuleProblem> Problems { get; } = [];

        private Token Current => tokens[position];

        public Func<T, bool>? Read()
        {
            if (Problems.Count > 0) return null;
            var rule = Or();
            if (rule is not null && Current.Kind != TokenKind.End) Fail(Current, $"'{Current.Text}' was not expected here: join conditions with and / or");
            return Problems.Count > 0 ? null : rule;
        }

        private Func<T, bool>? Or() => Joined(And, "or", (l, r) => s => l(s) || r(s));

        private Func<T, bool>? And() => Joined(Not, "and", (l, r) => s => l(s) && r(s));

        /// <summary>Operands separated by a keyword, joined left to right.</summary>
        private Func<T, bool>? Joined(Func<Func<T, bool>?> operand, string keyword, Func<Func<T, bool>, Func<T, bool>, Func<T, bool>> join)
        {
            var left = operand();
            while (left is not null && Current.Is(keyword))
            {
                position++;
                var right = operand();
                if (right is null) return null;
                left = join(left, right);
            }

            return left;
        }

        private Func<T, bool>? Not()
        {
            if (!Current.Is("not")) return Primary();
            position++;
            var inner = Not();
            return inner is null ? null : s => !inner(s);
        }

        private Func<T, bool>? Primary()
        {
            var start = Current;
            if (start.Is("("))
            {
                position++;
                var inner = Or();
                if (inner is null) return null;
                if (!Current.Is(")")) return Fail(Current, $"a ')' is missing to close the '(' at column {start.Column}");
                position++;
                return inner;
            }

            if (start.Kind != TokenKind.Word || Keywords.Contains(start.Text, StringComparer.OrdinalIgnoreCase))
                return Fail(start, start.Kind == TokenKind.End ? "the rule ends where a condition should be" : $"'{start.Text}' is not a field: a condition starts with a field name");
            position++;
            var field = fields.Find(start.Text);
            if (field is null)
            {
                var near = fields.Nearest(start.Text).ToList();
                return Fail(start, $"'{start.Text}' is not a field" + (near.Count > 0 ? $" (did you mean {string.Join(" or ", near)}?)" : $"; the fields are {string.Join(", ", fields.All.Select(f => f.Name))}"));
            }

            var op = Current;
            if (op.Kind == TokenKind.End || op.Is("and") || op.Is("or") || op.Is(")"))
            {
                if (field.Kind == RuleFieldKind.Flag) return field.Flag!;
                return Fail(start, $"{field.Name} is a {Describe(field.Kind)}: compare it, e.g. {Example(field)}");
            }

            if (field.Kind == RuleFieldKind.Flag) return Fail(op, $"{field.Name} is yes/no: name it alone (or 'not {field.Name}'), without '{op.Text}'");
            position++;
            if (op.Is("in")) return In(field, op);
            if (op.Is("between")) return Between(field, op);
            if (op.Kind != TokenKind.Symbol || op.Text is "(" or ")" or ",")
                return Fail(op, $"'{op.Text}' is not a comparison: use = != < <= > >= in or between");
            var value = Current;
            position++;
            return Compare(field, op, value);
        }

        private Func<T, bool>? Compare(RuleField<T> field, Token op, Token value)
        {
            if (field.Kind == RuleFieldKind.Number)
            {
                if (Number(value) is not { } n) return null;
                var read = field.Number!;
                return op.Text switch
                {
                    "=" => s => read(s) is { } v && v == n,
                    "!=" => s => read(s) is { } v && v != n,
                    "<" => s => read(s) is { } v && v < n,
                    "<=" => s => read(s) is { } v && v <= n,
                    ">" => s => read(s) is { } v && v > n,
                    ">=" => s => read(s) is { } v && v >= n,
                    _ => Fail(op, $"'{op.Text}' is not a comparison"),
                };
            }

            if (Word(value) is not { } w) return null;
            var text = field.Text!;
            return op.Text switch
            {
                "=" => s => string.Equals(text(s), w, StringComparison.OrdinalIgnoreCase),
                "!=" => s => text(s) is { } v && !string.Equals(v, w, StringComparison.OrdinalIgnoreCase),
                _ => Fail(op, $"{field.Name} is a word: compare it with = , != or in (…), not '{op.Text}'"),
            };
        }

        private Func<T, bool>? In(RuleField<T> field, Token op)
        {
            if (!Current.Is("(")) return Fail(Current, $"'in' is followed by a list in brackets, e.g. {field.Name} in (a, b)");
            position++;
            var values = new List<Token>();
            while (true)
            {
                if (Current.Kind is not (TokenKind.Word or TokenKind.Number or TokenKind.Quoted)) return Fail(Current, "a value is missing in the list");
                values.Add(Current);
                position++;
                if (Current.Is(",")) { position++; continue; }
                if (Current.Is(")")) { position++; break; }
                return Fail(Current, $"a ')' is missing to close the list after 'in' at column {op.Column}");
            }

            if (field.Kind == RuleFieldKind.Number)
            {
                var numbers = values.Select(Number).ToList();
                if (numbers.Any(n => n is null)) return null;
                var set = numbers.Select(n => n!.Value).ToHashSet();
                var read = field.Number!;
                return s => read(s) is { } v && set.Contains(v);
            }

            var words = values.Select(Word).ToList();
            if (words.Any(w => w is null)) return null;
            var wordSet = words.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var text = field.Text!;
            return s => text(s) is { } v && wordSet.Contains(v);
        }

        private Func<T, bool>? Between(RuleField<T> field, Token op)
        {
            if (field.Kind != RuleFieldKind.Number) return Fail(op, $"{field.Name} is a word: 'between' compares numbers");
            var low = Number(Current);
            position++;
            if (!Current.Is("and")) return Fail(Current, "'between' takes two numbers joined by 'and', e.g. age between 16 and 64");
            position++;
            var high = Number(Current);
            position++;
            if (low is not { } a || high is not { } b) return null;
            if (a > b) return Fail(op, $"between {Format(a)} and {Format(b)} is empty: the smaller number comes first");
            var read = field.Number!;
            return s => read(s) is { } v && v >= a && v <= b;
        }

        private double? Number(Token token)
        {
            if (token.Kind == TokenKind.Number && double.TryParse(token.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
                return n;
            Fail(token, token.Kind == TokenKind.End ? "the rule ends where a number should be" : $"'{token.Text}' is not a number");
            return null;
        }

        private string? Word(Token token)
        {
            if (token.Kind is TokenKind.Word or TokenKind.Quoted or TokenKind.Number) return token.Text;
            Fail(token, token.Kind == TokenKind.End ? "the rule ends where a value should be" : $"'{token.Text}' is not a value");
            return null;
        }

        private Func<T, bool>? Fail(Token at, string message)
        {
            Problems.Add(new RuleProblem(at.Column, message));
            return null;
        }

        private void Tokenise(string text)
        {
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                var start = i;
                if (char.IsLetter(c) || c == '_')
                {
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-' or '.')) i++;
                    tokens.Add(new Token(TokenKind.Word, text[start..i], start + 1));
                }
                else if (char.IsDigit(c) || (c is '-' or '.' && i + 1 < text.Length && (char.IsDigit(text[i + 1]) || text[i + 1] == '.')))
                {
                    i++;
                    while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.')) i++;
                    tokens.Add(new Token(TokenKind.Number, text[start..i], start + 1));
                }
                else if (c is '\'' or '"')
                {
                    var end = text.IndexOf(c, i + 1);
                    if (end < 0)
                    {
                        Problems.Add(new RuleProblem(start + 1, $"the quotation opened here ({c}) is not closed"));
                        return;
                    }

                    tokens.Add(new Token(TokenKind.Quoted, text[(i + 1)..end], start + 1));
                    i = end + 1;
                }
                else if (c is '<' or '>' or '!' && i + 1 < text.Length && text[i + 1] == '=')
                {
                    tokens.Add(new Token(TokenKind.Symbol, text.Substring(i, 2), start + 1));
                    i += 2;
                }
                else if (c is '<' or '>' or '=' or '(' or ')' or ',')
                {
                    tokens.Add(new Token(TokenKind.Symbol, c.ToString(), start + 1));
                    i++;
                }
                else
                {
                    Problems.Add(new RuleProblem(start + 1, $"'{c}' cannot be read here"));
                    return;
                }
            }

            tokens.Add(new Token(TokenKind.End, string.Empty, text.Length + 1));
        }

        private static string Describe(RuleFieldKind kind) => kind switch
        {
            RuleFieldKind.Number => "number",
            RuleFieldKind.Text => "word",
            _ => "yes/no",
        };

        private static string Example(RuleField<T> field) => field.Kind == RuleFieldKind.Number ? $"{field.Name} <= 2" : $"{field.Name} = value";

        private static string Format(double n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
