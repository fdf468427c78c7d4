using System.Collections.Frozen;
using System.Collections.Immutable;

namespace CommunityModel;

/// <summary>
/// The ISO 4217 list of active currencies that <see cref="Currency"/> indexes into: code, numeric code,
/// minor-unit digits, display symbol and English name. Built once, never changed.
/// Index 0 is XXX ("no currency"), so <c>default(Currency)</c> is a well-defined value.
/// </summary>
internal static class CurrencyTable
{
    // code, numeric, minor digits, symbol, name. Minor digits per ISO 4217 (amendment 176+).
    private const string Data = """
        XXX|999|0|¤|No currency
        AED|784|2|AED|UAE Dirham
        AFN|971|2|؋|Afghani
        ALL|008|2|ALL|Lek
        AMD|051|2|֏|Armenian Dram
        AOA|973|2|Kz|Kwanza
        ARS|032|2|ARS|Argentine Peso
        AUD|036|2|A$|Australian Dollar
        AWG|533|2|AWG|Aruban Florin
        AZN|944|2|₼|Azerbaijan Manat
        BAM|977|2|KM|Convertible Mark
        BBD|052|2|BBD|Barbados Dollar
        BDT|050|2|৳|Taka
        BGN|975|2|BGN|Bulgarian Lev
        BHD|048|3|BHD|Bahraini Dinar
        BIF|108|0|BIF|Burundi Franc
        BMD|060|2|BMD|Bermudian Dollar
        BND|096|2|BND|Brunei Dollar
        BOB|068|2|Bs|Boliviano
        BRL|986|2|R$|Brazilian Real
        BSD|044|2|BSD|Bahamian Dollar
        BTN|064|2|Nu.|Ngultrum
        BWP|072|2|P|Pula
        BYN|933|2|BYN|Belarusian Ruble
        BZD|084|2|BZD|Belize Dollar
        CAD|124|2|CA$|Canadian Dollar
        CDF|976|2|CDF|Congolese Franc
        CHF|756|2|CHF|Swiss Franc
        CLF|990|4|CLF|Unidad de Fomento
        CLP|152|0|CLP|Chilean Peso
        CNY|156|2|¥|Yuan Renminbi
        COP|170|2|COP|Colombian Peso
        CRC|188|2|₡|Costa Rican Colon
        CUP|192|2|CUP|Cuban Peso
        CVE|132|2|CVE|Cabo Verde Escudo
        CZK|203|2|Kč|Czech Koruna
        DJF|262|0|DJF|Djibouti Franc
        DKK|208|2|kr.|Danish Krone
        DOP|214|2|RD$|Dominican Peso
        DZD|012|2|DZD|Algerian Dinar
        EGP|818|2|E£|Egyptian Pound
        ERN|232|2|Nfk|Nakfa
        ETB|230|2|Br|Ethiopian Birr
        EUR|978|2|€|Euro
        FJD|242|2|FJD|Fiji Dollar
        FKP|238|2|FKP|Falkland Islands Pound
        GBP|826|2|£|Pound Sterling
        GEL|981|2|₾|Lari
        GHS|936|2|GH₵|Ghana Cedi
        GIP|292|2|GIP|Gibraltar Pound
        GMD|270|2|D|Dalasi
        GNF|324|0|GNF|Guinean Franc
        GTQ|320|2|Q|Quetzal
        GYD|328|2|GYD|Guyana Dollar
        HKD|344|2|HK$|Hong Kong Dollar
        HNL|340|2|L|Lempira
        HTG|332|2|G|Gourde
        HUF|348|2|Ft|Forint
        IDR|360|2|Rp|Rupiah
        ILS|376|2|₪|New Israeli Sheqel
        INR|356|2|₹|Indian Rupee
        IQD|368|3|IQD|Iraqi Dinar
        IRR|364|2|IRR|Iranian Rial
        ISK|352|0|kr|Iceland Krona
        JMD|388|2|J$|Jamaican Dollar
        JOD|400|3|JOD|Jordanian Dinar
        JPY|392|0|¥|Yen
        KES|404|2|KSh|Kenyan Shilling
        KGS|417|2|KGS|Som
        KHR|116|2|៛|Riel
        KMF|174|0|KMF|Comorian Franc
        KPW|408|2|KPW|North Korean Won
        KRW|410|0|₩|Won
        KWD|414|3|KWD|Kuwaiti Dinar
        KYD|136|2|KYD|Cayman Islands Dollar
        KZT|398|2|₸|Tenge
        LAK|418|2|₭|Lao Kip
        LBP|422|2|LBP|Lebanese Pound
        LKR|144|2|Rs|Sri Lanka Rupee
        LRD|430|2|LRD|Liberian Dollar
        LSL|426|2|LSL|Loti
        LYD|434|3|LYD|Libyan Dinar
        MAD|504|2|MAD|Moroccan Dirham
        MDL|498|2|MDL|Moldovan Leu
        MGA|969|2|Ar|Malagasy Ariary
        MKD|807|2|MKD|Denar
        MMK|104|2|K|Kyat
        MNT|496|2|₮|Tugrik
        MOP|446|2|MOP$|Pataca
        MRU|929|2|UM|Ouguiya
        MUR|480|2|Rs|Mauritius Rupee
        MVR|462|2|Rf|Rufiyaa
        MWK|454|2|MK|Malawi Kwacha
        MXN|484|2|MX$|Mexican Peso
        MYR|458|2|RM|Malaysian Ringgit
        MZN|943|2|MTn|Mozambique Metical
        NAD|516|2|NAD|Namibia Dollar
        NGN|566|2|₦|Naira
        NIO|558|2|C$|Cordoba Oro
        NOK|578|2|kr|Norwegian Krone
        NPR|524|2|Rs|Nepalese Rupee
        NZD|554|2|NZ$|New Zealand Dollar
        OMR|512|3|OMR|Rial Omani
        PAB|590|2|B/.|Balboa
        PEN|604|2|S/|Sol
        PGK|598|2|K|Kina
        PHP|608|2|₱|Philippine Peso
        PKR|586|2|Rs|Pakistan Rupee
        PLN|985|2|zł|Zloty
        PYG|600|0|₲|Guarani
        QAR|634|2|QAR|Qatari Rial
        RON|946|2|lei|Romanian Leu
        RSD|941|2|RSD|Serbian Dinar
        RUB|643|2|₽|Russian Ruble
        RWF|646|0|RWF|Rwanda Franc
        SAR|682|2|SAR|Saudi Riyal
        SBD|090|2|SBD|Solomon Islands Dollar
        SCR|690|2|SCR|Seychelles Rupee
        SDG|938|2|SDG|Sudanese Pound
        SEK|752|2|kr|Swedish Krona
        SGD|702|2|S$|Singapore Dollar
        SHP|654|2|SHP|Saint Helena Pound
        SLE|925|2|Le|Leone
        SOS|706|2|SOS|Somali Shilling
        SRD|968|2|SRD|Surinam Dollar
        SSP|728|2|SSP|South Sudanese Pound
        STN|930|2|Db|Dobra
        SVC|222|2|SVC|El Salvador Colon
        SYP|760|2|SYP|Syrian Pound
        SZL|748|2|SZL|Lilangeni
        THB|764|2|฿|Baht
        TJS|972|2|TJS|Somoni
        TMT|934|2|TMT|Turkmenistan New Manat
        TND|788|3|TND|Tunisian Dinar
        TOP|776|2|T$|Pa’anga
        TRY|949|2|₺|Turkish Lira
        TTD|780|2|TT$|Trinidad and Tobago Dollar
        TWD|901|2|NT$|New Taiwan Dollar
        TZS|834|2|TSh|Tanzanian Shilling
        UAH|980|2|₴|Hryvnia
        UGX|800|0|USh|Uganda Shilling
        USD|840|2|$|US Dollar
        UYI|940|0|UYI|Uruguay Peso en Unidades Indexadas
        UYU|858|2|$U|Peso Uruguayo
        UYW|927|4|UYW|Unidad Previsional
        UZS|860|2|UZS|Uzbekistan Sum
        VED|926|2|VED|Bolívar Soberano
        VES|928|2|Bs.S|Bolívar Soberano
        VND|704|0|₫|Dong
        VUV|548|0|VT|Vatu
        WST|882|2|WS$|Tala
        XAF|950|0|FCFA|CFA Franc BEAC
        XCD|951|2|EC$|East Caribbean Dollar
        XCG|532|2|Cg|Caribbean Guilder
        XOF|952|0|F CFA|CFA Franc BCEAO
        XPF|953|0|CFPF|CFP Franc
        YER|886|2|YER|Yemeni Rial
        ZAR|710|2|R|Rand
        ZMW|967|2|ZK|Zambian Kwacha
        ZWG|924|2|ZiG|Zimbabwe Gold
        """;

    /// <summary>One row of the table.</summary>
    internal readonly record struct Entry(string Code, int Numeric, int MinorDigits, string Symbol, string Name, long MinorPerMajor);

    internal static readonly ImmutableArray<Entry> Entries = Build(out ByCode);

    internal static readonly FrozenDictionary<string, ushort> ByCode;

    private static ImmutableArray<Entry> Build(out FrozenDictionary<string, ushort> byCode)
    {
        var rows = Data.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var entries = ImmutableArray.CreateBuilder<Entry>(rows.Length);
        var index = new Dictionary<string, ushort>(rows.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var f = row.Split('|');
            var digits = int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture);
            index.Add(f[0], (ushort)entries.Count);
            entries.Add(new Entry(
                f[0],
                int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture),
                digits,
                f[3],
                f[4],
                (long)Math.Pow(10, digits)));
        }

        byCode = index.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        return entries.MoveToImmutable();
    }
}
