package register

// ValidOrgnr reports whether s is a Swedish organisationsnummer written
// NNNNNN-NNNN whose last digit is the Luhn check digit of the nine before
// it.
func ValidOrgnr(s string) bool {
	if len(s) != 11 || s[6] != '-' {
		return false
	}
	digits := s[:6] + s[7:]
	sum := 0
	for i := 0; i < 10; i++ {
		c := digits[i]
		if c < '0' || c > '9' {
			return false
		}
		d := int(c - '0')
		if i%2 == 0 { // weights 2,1,2,1,… from the left over the first nine
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}
