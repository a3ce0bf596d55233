x = '\N{Greek Small Letter Alpha}\N{em dash}\N{HANGUL SYLLABLE GAG}\N{cjk unified ideograph-4E00}'
