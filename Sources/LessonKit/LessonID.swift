/// Lesson ids are `NN-slug`: `03-analogy` is lesson 3, slug `analogy`.
/// Every part of the program that reads or writes one goes through here.
public enum LessonID {
    /// The number of an `NN-slug` id, if it starts with digits.
    public static func number(of id: String) -> Int? {
        let digits = id.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? nil : Int(digits)
    }

    /// The slug of an `NN-slug` id; the whole id when it has no number.
    public static func slug(of id: String) -> String {
        guard number(of: id) != nil, let dash = id.firstIndex(of: "-") else { return id }
        return String(id[id.index(after: dash)...])
    }

    /// A lesson number as ids and titles write it: `03`, `12`.
    public static func label(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }

    /// The id of lesson `number` with `slug`.
    public static func make(number: Int, slug: String) -> String {
        label(number) + "-" + slug
    }
}
