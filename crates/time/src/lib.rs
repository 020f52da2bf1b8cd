#[cfg(test)]
mod scratch {
    #[test]
    fn show() {
        for (t, l) in [
            (
                "On Feb. 22, 2026 and Feb 22 and March 3rd, 1st, 21st, 2nd the U.S. $5 million US$3 USD 3 billion €20 15% 1,250 5.93 1987-02-26 22/02/2026 10:30 a.m. twenty-five Sept. 3 Jan. 5 May 3 we may",
                "en",
            ),
            (
                "El 1º de mayo, 1.250 elementos, 5 millones de pesos, el próximo lunes, 22.02.2026, 3ª, 1er, mil millones, dic. 3, sáb. 5 EE.UU. 4to",
                "es",
            ),
        ] {
            let seg = tessera_segment::segment(t, Some(l));
            let v: Vec<String> = seg
                .tokens
                .iter()
                .map(|k| format!("{}:{:?}", &t[k.span.range()], k.kind))
                .collect();
            println!("{}", v.join(" | "));
        }
    }
}
