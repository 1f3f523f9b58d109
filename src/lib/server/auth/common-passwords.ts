// Passwords found at the top of published breach lists, plus school-flavoured ones; refused at sign-up.
const LIST = `123456 123456789 12345678 password qwerty123 qwerty1 111111 12345 secret 123123 1234567890
1234567 000000 qwerty abc123 password1 iloveyou 654321 666666 987654321 123321 1q2w3e4r5t
qwertyuiop 1q2w3e4r 123qwe zxcvbnm 1qaz2wsx dragon monkey letmein football baseball welcome
sunshine princess admin admin123 administrator passw0rd password123 password12 p@ssw0rd
master shadow superman batman trustno1 whatever freedom hello123 hellohello starwars
michael jennifer jordan23 charlie donald computer internet mustang access tigger
11111111 22222222 33333333 44444444 55555555 66666666 77777777 88888888 99999999 00000000
12341234 abcd1234 abcdefgh aaaaaaaa asdfghjkl asdfasdf qazwsxedc 1234qwer qwer1234
q1w2e3r4 zaq12wsx 123abc123 iloveyou1 princess1 football1 welcome1 sunshine1 monkey123
teacher teacher1 teacher123 school school1 school123 student student1 student123 classroom
changeme changeme1 default guest guest123 test1234 testtest temp1234 letmein1 letmein123
baseball1 superman1 batman123 dragon123 master123 shadow123 michael1 charlie1 jessica
ashley nicole daniel matthew andrew joshua hunter hunter2 killer soccer hockey ranger
buster thomas robert summer winter spring autumn flower cookie pepper ginger chocolate
loveme lovely iloveu babygirl angel angels blink182 pokemon minecraft fortnite roblox
zxcvbnm1 qwerty12 qwerty123456 1qazxsw2 passpass mypassword yourpassword secret123
byline byline123 quiz1234 media123 news1234`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
